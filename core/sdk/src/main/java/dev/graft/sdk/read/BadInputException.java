package dev.graft.sdk.read;

import dev.graft.api.error.ErrorId;
import dev.graft.api.error.InvalidInputException;

/** One bad file or row, with where it is and why it is bad; collected by {@link BadInputLog}. */
public final class BadInputException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final String location;
  private final String reason;

  /**
   * Creates the problem.
   *
   * @param id the kind of problem
   * @param location the file, {@code file:line} or {@code file#index}
   * @param reason what is wrong and, where useful, what to do
   */
  public BadInputException(ErrorId id, String location, String reason) {
    super(id, location + ": " + reason);
    this.location = location;
    this.reason = reason;
  }

  /**
   * Where the bad input is.
   *
   * @return the location
   */
  public String location() {
    return location;
  }

  /**
   * What is wrong with it.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
