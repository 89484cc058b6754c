package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests with an Accept-Language header, answered with the headers TestServer.Response leaves out. */
final class LanguageClient {
  /** A problem's answer: status, Content-Language, Vary and the body. */
  record Answer(int status, String contentLanguage, String vary, JsonNode json) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final TestServer server;

  LanguageClient(TestServer server) {
    this.server = server;
  }

  /** As the server's administrator; no Accept-Language header when acceptLanguage is null. */
  Answer send(String method, String path, String body, String acceptLanguage) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Authorization", "Bearer " + server.adminToken).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().firstValue("Content-Language").orElse(null),
        r.headers().firstValue("Vary").orElse(null), TestServer.JSON.readTree(r.body()));
  }
}
