package org.landrelease.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches a route (a malformed request line or header, an
 * ambiguous path such as /../../etc/passwd, a body too large for the server), as problem+json like every other error,
 * never Jetty's HTML page and never a stack trace.
 */
final class ServerErrors extends ErrorHandler {
  private final ObjectMapper mapper;

  ServerErrors(ObjectMapper mapper) {
    this.mapper = mapper;
    setShowStacks(false);
  }

  private byte[] body(int status, String message) {
    ObjectNode p = mapper.createObjectNode();
    p.put("type", Problems.TYPE_PREFIX + "http-" + status);
    String reason = HttpStatus.getMessage(status);
    p.put("title", reason);
    p.put("status", status);
    p.put("detail", message == null || message.isBlank() || message.equals(reason)
        ? "the server refused the request: " + reason : "the server refused the request: " + message);
    try {
      return mapper.writeValueAsBytes(p);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    return ByteBuffer.wrap(body(status, reason));
  }
}
