package dev.graft.api.error;

/**
 * Bad input data or arguments: a malformed file, a matrix with NaN, a label count that does not
 * match the number of rows. The message names the file, row, field or value and what is expected.
 */
public class InvalidInputException extends GraftException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param errorId the stable id
   * @param detail what was wrong, where, and the fix
   */
  public InvalidInputException(ErrorId errorId, String detail) {
    super(errorId, detail);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param errorId the stable id
   * @param detail what was wrong, where, and the fix
   * @param cause the underlying failure
   */
  public InvalidInputException(ErrorId errorId, String detail, Throwable cause) {
    super(errorId, detail, cause);
  }
}
