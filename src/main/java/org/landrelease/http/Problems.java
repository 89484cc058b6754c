package org.landrelease.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.Key;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.landrelease.domain.LedgerException;
import org.landrelease.domain.Message;
import org.landrelease.service.Translations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem+json body. No stack trace ever reaches a client. The title and
 * detail are in the language the request asks for (Accept-Language, see {@link ProblemTexts}); type, status, field
 * names and the coordinate stay as they are.
 */
final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  static final String CONTENT_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "https://landrelease.org/problems/";
  /** The app's languages, set by HttpApi, read by every handler that writes a problem. */
  static final Key<Translations> TRANSLATIONS = new Key<>("landrelease.translations");

  private Problems() {}

  static void register(RoutesConfig routes, ObjectMapper mapper) {
    routes.exception(LedgerException.class, (e, ctx) -> write(ctx, mapper, problem(mapper, e, ctx)));
    routes.exception(JacksonException.class, (e, ctx) -> write(ctx, mapper,
        problem(mapper, 400, "malformed-json", "the body is not valid JSON: " + e.getOriginalMessage(),
            Message.of("request.malformedJson", "reason", e.getOriginalMessage()), ctx)));
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      if (e.getStatus() == 405) {
        methodNotAllowed(ctx, mapper, e.getDetails().get("availableMethods"));
        return;
      }
      // Javalin's own reason keeps its words inside a translated frame
      write(ctx, mapper, problem(mapper, e.getStatus(), "http-" + e.getStatus(), e.getMessage(),
          Message.of("request.refused", "reason", e.getMessage()), ctx));
    });
    routes.exception(Exception.class, (e, ctx) -> {
      if (databaseAway(e)) {
        LOG.warn("{} {}: the database is unavailable ({})", ctx.method(), ctx.path(), e.getMessage());
        write(ctx, mapper, problem(mapper, 503, "store-unavailable",
            "the database is unavailable; nothing was stored, try again shortly", Message.of("store.unavailable"),
            ctx));
        return;
      }
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      write(ctx, mapper, problem(mapper, 500, "internal",
          "the server could not complete the request; it has been logged", Message.of("internal"), ctx));
    });
    routes.error(404, ctx -> {
      if (!CONTENT_TYPE.equals(ctx.res().getContentType()) && (ctx.path().startsWith("/api")
          || ctx.path().startsWith("/ogc"))) {
        write(ctx, mapper, problem(mapper, 404, "not-found", "no resource at " + ctx.path(),
            Message.of("request.noResource", "path", ctx.path()), ctx));
      }
    });
    routes.error(405, ctx -> {
      if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
        methodNotAllowed(ctx, mapper, null);
      }
    });
  }

  /** 405 with the methods the path takes, in the Allow header (RFC 9110) and in the detail. */
  private static void methodNotAllowed(Context ctx, ObjectMapper mapper, String available) {
    String allow = available == null ? null
        : available.replaceAll("[\\[\\]\\s]", "").replace(",", ", ");
    if (allow != null && !allow.isEmpty()) {
      ctx.header("Allow", allow);
    }
    boolean takes = allow != null && !allow.isEmpty();
    write(ctx, mapper, problem(mapper, 405, "method-not-allowed", ctx.method() + " is not allowed on " + ctx.path()
        + (takes ? "; it takes " + allow : ""), Message.of(takes ? "request.methodNotAllowedTakes"
        : "request.methodNotAllowed", "method", ctx.method(), "path", ctx.path(), "allow", allow), ctx));
  }

  /**
   * A failure that says the database is away (connection refused or lost, server shutting down or starting, pool
   * timed out): SQLState class 08 and 57P01-57P03, or a transient connection exception.
   */
  static boolean databaseAway(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLRecoverableException) {
        return true;
      }
      if (t instanceof java.sql.SQLException s && s.getSQLState() != null
          && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  static ObjectNode problem(ObjectMapper mapper, LedgerException e, Context ctx) {
    int status = e.kind().status();
    ObjectNode p = problem(mapper, status, e.slug(), e.getMessage(), e.message(), ctx);
    if (e.coordinate() != null) {
      p.putArray("coordinate").add(round7(e.coordinate()[0])).add(round7(e.coordinate()[1]));
    }
    return p;
  }

  /** One refused item of a batch: its status and its problem, set on the item's result. */
  static void refusal(ObjectMapper mapper, ObjectNode out, LedgerException e, Context ctx) {
    ObjectNode problem = problem(mapper, e, ctx);
    out.put("status", problem.get("status").asInt());
    out.set("problem", problem);
  }

  private static double round7(double v) {
    return Math.round(v * 1e7) / 1e7;
  }

  /** A problem whose detail is the English text, or its translation when the message has one in the language. */
  static ObjectNode problem(ObjectMapper mapper, int status, String slug, String detail, Message message,
      Context ctx) {
    ProblemTexts texts = ctx == null ? ProblemTexts.ENGLISH : ProblemTexts.of(ctx);
    ObjectNode p = mapper.createObjectNode();
    p.put("type", TYPE_PREFIX + slug);
    p.put("title", texts.title(status, slug));
    p.put("status", status);
    p.put("detail", texts.detail(detail, message));
    if (ctx != null) {
      p.put("instance", ctx.path());
    }
    return p;
  }

  static String titleOf(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Content too large";
      case 422 -> "Unprocessable content";
      case 501 -> "Not implemented";
      case 503 -> "Service unavailable";
      default -> status >= 500 ? "Internal error" : "Request refused";
    };
  }

  private static void write(Context ctx, ObjectMapper mapper, ObjectNode problem) {
    int status = problem.get("status").asInt();
    ctx.status(status);
    if (status == 503) {
      ctx.header("Retry-After", "5");
    }
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"landrelease\"");
    }
    ctx.contentType(CONTENT_TYPE);
    try {
      ctx.result(mapper.writeValueAsBytes(problem));
    } catch (JacksonException e) {
      ctx.result("{\"status\":500}");
    }
  }
}
