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
import org.landrelease.domain.Message;
import org.landrelease.service.Translations;

/**
 * The errors Jetty answers itself, before a request reaches a route (a malformed request line or header, an
 * ambiguous path such as /../../etc/passwd, a body too large for the server), as problem+json like every other error,
 * never Jetty's HTML page and never a stack trace.
 */
final class ServerErrors extends ErrorHandler {
  private final ObjectMapper mapper;
  private final Translations translations;

  ServerErrors(ObjectMapper mapper, Translations translations) {
    this.mapper = mapper;
    this.translations = translations;
    setShowStacks(false);
  }

  /** In the request's language when there is a request whose headers could be read (not for a malformed one). */
  private byte[] body(int status, String message, String acceptLanguage) {
    ObjectNode p = mapper.createObjectNode();
    p.put("type", Problems.TYPE_PREFIX + "http-" + status);
    String reason = HttpStatus.getMessage(status);
    String why = message == null || message.isBlank() || message.equals(reason) ? reason : message;
    ProblemTexts texts = new ProblemTexts(translations, translations.negotiate(acceptLanguage));
    p.put("title", texts.title(status, "http-" + status));
    p.put("status", status);
    // Jetty's own reason stays as Jetty wrote it: only the frame is translated
    p.put("detail", texts.detail("the server refused the request: " + why,
        Message.of("request.refusedByServer", "reason", why)));
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
    String acceptLanguage = request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE);
    response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, translations.negotiate(acceptLanguage));
    response.getHeaders().put(HttpHeader.VARY, "Accept-Language");
    response.write(true, ByteBuffer.wrap(body(code, message, acceptLanguage)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    return ByteBuffer.wrap(body(status, reason, null));
  }
}
