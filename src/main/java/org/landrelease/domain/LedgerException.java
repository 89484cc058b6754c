package org.landrelease.domain;

/**
 * A request the ledger refuses, with the reason a user can act on. The kind decides the HTTP status; the coordinate,
 * when present, is where a geometry is wrong (lon, lat).
 */
public class LedgerException extends RuntimeException {
  /** What went wrong, with the HTTP status it means. */
  public enum Kind {
    BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413),
    UNPROCESSABLE(422), NOT_IMPLEMENTED(501), UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String slug;
  private final double[] coordinate;
  private final Message message;

  public LedgerException(Kind kind, String slug, String detail) {
    this(kind, slug, detail, null);
  }

  public LedgerException(Kind kind, String slug, String detail, double[] coordinate) {
    this(kind, slug, detail, coordinate, null);
  }

  private LedgerException(Kind kind, String slug, String detail, double[] coordinate, Message message) {
    this(kind, slug, detail, coordinate, message, null);
  }

  /** The cause is given here: Throwable's initCause refuses once a constructor has set it, even to null. */
  private LedgerException(Kind kind, String slug, String detail, double[] coordinate, Message message,
      Throwable cause) {
    super(detail, cause, false, false);
    this.kind = kind;
    this.slug = slug;
    this.coordinate = coordinate;
    this.message = message;
  }

  /**
   * The same refusal with the key of its text in the language files (under {@code problem.detail.}) and the
   * arguments of its placeholders, so that a reader is answered in their language; the English detail stays the
   * message. {@code throw LedgerException.notFound("no grant 'g1'").with("grant.unknown", "grant", "g1")}.
   */
  public LedgerException with(String key, Object... namesAndValues) {
    return with(Message.of(key, namesAndValues));
  }

  public LedgerException with(Message m) {
    return new LedgerException(kind, slug, getMessage(), coordinate, m, getCause());
  }

  /** The translatable text of the detail, or null: then the English message is all there is. */
  public Message message() {
    return message;
  }

  public Kind kind() {
    return kind;
  }

  /** Short machine-readable name of the problem, used in the problem type URI. */
  public String slug() {
    return slug;
  }

  public double[] coordinate() {
    return coordinate;
  }

  /** The database cannot be reached (stopped, restarting): 503, to be retried. */
  public static LedgerException unavailable(String detail, Throwable cause) {
    return new LedgerException(Kind.UNAVAILABLE, "store-unavailable", detail, null, null, cause);
  }

  public static LedgerException badRequest(String slug, String detail) {
    return new LedgerException(Kind.BAD_REQUEST, slug, detail);
  }

  /** No token, or one that names no account: 401. */
  public static LedgerException unauthorized(String slug, String detail) {
    return new LedgerException(Kind.UNAUTHORIZED, slug, detail);
  }

  /** A known account that may not do this: 403. */
  public static LedgerException forbidden(String slug, String detail) {
    return new LedgerException(Kind.FORBIDDEN, slug, detail);
  }

  public static LedgerException notFound(String detail) {
    return new LedgerException(Kind.NOT_FOUND, "not-found", detail);
  }

  public static LedgerException conflict(String detail) {
    return new LedgerException(Kind.CONFLICT, "conflict", detail);
  }

  public static LedgerException unprocessable(String slug, String detail) {
    return new LedgerException(Kind.UNPROCESSABLE, slug, detail);
  }
}
