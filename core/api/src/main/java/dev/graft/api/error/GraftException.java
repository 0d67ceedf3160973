package dev.graft.api.error;

import java.util.Objects;

/**
 * The base of every error Graft reports on purpose.
 *
 * <p>Each carries a stable {@link ErrorId}; its message says what was wrong, where (file, field,
 * tensor, plugin), with which value, and what to do about it. The message returned by {@link
 * #getMessage()} is prefixed with the error code, so a log line or a CLI error is searchable.
 */
public class GraftException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorId errorId;
  private final String detail;

  /**
   * Creates an exception.
   *
   * @param errorId the stable id of this kind of failure
   * @param detail what was wrong, where, the bad value, and the fix
   */
  public GraftException(ErrorId errorId, String detail) {
    this(errorId, detail, null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param errorId the stable id of this kind of failure
   * @param detail what was wrong, where, the bad value, and the fix
   * @param cause the underlying failure, may be {@code null}
   */
  public GraftException(ErrorId errorId, String detail, Throwable cause) {
    super(Objects.requireNonNull(errorId, "errorId").code() + ": " + detail, cause);
    this.errorId = errorId;
    this.detail = detail;
  }

  /**
   * The stable id of this failure.
   *
   * @return the error id
   */
  public ErrorId errorId() {
    return errorId;
  }

  /**
   * The message without the error code prefix.
   *
   * @return what was wrong and what to do
   */
  public String detail() {
    return detail;
  }
}
