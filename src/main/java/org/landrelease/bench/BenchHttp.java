package org.landrelease.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The benchmark's HTTP client: HTTP/1.1 with keep-alive, one pooled connection per concurrent caller. */
final class BenchHttp {
  /** A response with the time from sending the request to having read the whole body. */
  record Response(int status, byte[] body, long nanos) {}

  private final HttpClient client;
  private final URI base;
  /** Sent as a bearer token on every request, when not null. */
  private final String token;

  BenchHttp(URI base) {
    this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
        base, null);
  }

  private BenchHttp(HttpClient client, URI base, String token) {
    this.client = client;
    this.base = base;
    this.token = token;
  }

  /** The same client sending another account's token. */
  BenchHttp as(String otherToken) {
    return new BenchHttp(client, base, otherToken);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  Response get(String pathAndQuery) throws IOException, InterruptedException {
    return send(request(pathAndQuery).GET().build());
  }

  /** A response with its headers, for the requests whose headers the benchmark reads (tiles: ETag, encoding). */
  record Exchange(int status, byte[] body, long nanos, java.net.http.HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** GET with request headers given as name, value, name, value...; an answer must come within two minutes. */
  Exchange exchange(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = request(pathAndQuery).GET().timeout(Duration.ofMinutes(2));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Exchange(r.statusCode(), r.body(), System.nanoTime() - t0, r.headers());
  }

  Response post(String path, byte[] json) throws IOException, InterruptedException {
    return post(path, "application/json", json);
  }

  Response post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** Sends a file as the raw request body (as POST /api/imports takes it), streamed from disk. */
  Response upload(String pathAndQuery, java.nio.file.Path file) throws IOException, InterruptedException {
    return send(request(pathAndQuery).header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
  }

  private Response send(HttpRequest request) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Response(r.statusCode(), r.body(), System.nanoTime() - t0);
  }
}
