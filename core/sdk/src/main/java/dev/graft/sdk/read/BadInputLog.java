package dev.graft.sdk.read;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.ReadResult.SkippedInput;
import dev.graft.api.error.ErrorId;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every bad file or row a reader meets, so that one failure lists all of them (FAIL) or
 * the result reports all of them (SKIP).
 */
public final class BadInputLog {

  /** How many entries an error message lists before saying "and N more". */
  public static final int MESSAGE_LIMIT = 25;

  private final List<ErrorId> ids = new ArrayList<>();
  private final List<SkippedInput> entries = new ArrayList<>();

  /**
   * Records a bad input.
   *
   * @param id the kind of problem
   * @param location the file, {@code file:line} or {@code file#index}
   * @param reason what is wrong with it
   */
  public void add(ErrorId id, String location, String reason) {
    ids.add(id);
    entries.add(new SkippedInput(location, reason));
  }

  /**
   * Records a problem caught while reading one input.
   *
   * @param problem the problem
   */
  public void add(BadInputException problem) {
    add(problem.errorId(), problem.location(), problem.reason());
  }

  /**
   * How many bad inputs were recorded.
   *
   * @return the count
   */
  public int count() {
    return entries.size();
  }

  /**
   * The recorded inputs.
   *
   * @return an unmodifiable copy
   */
  public List<SkippedInput> entries() {
    return List.copyOf(entries);
  }

  /**
   * With {@link BadInputPolicy#FAIL}, throws if anything was recorded.
   *
   * @param policy the read policy
   * @param readerId the reader, named in the message
   * @param location what was being read
   * @throws InvalidInputException listing every bad input (the first {@link #MESSAGE_LIMIT}, then a
   *     count of the rest); its id is the common kind, or GRAFT-DATA-006 for mixed kinds
   */
  public void failIfAny(BadInputPolicy policy, String readerId, String location) {
    if (policy != BadInputPolicy.FAIL || entries.isEmpty()) {
      return;
    }
    ErrorId id = ids.stream().distinct().count() == 1 ? ids.get(0) : GraftErrors.BAD_INPUTS;
    StringBuilder msg = new StringBuilder();
    msg.append("reader '")
        .append(readerId)
        .append("' found ")
        .append(entries.size())
        .append(entries.size() == 1 ? " bad input" : " bad inputs")
        .append(" in ")
        .append(location)
        .append(':');
    for (int i = 0; i < Math.min(MESSAGE_LIMIT, entries.size()); i++) {
      SkippedInput e = entries.get(i);
      msg.append("\n  - ").append(e.location()).append(": ").append(e.reason());
    }
    if (entries.size() > MESSAGE_LIMIT) {
      msg.append("\n  ... and ").append(entries.size() - MESSAGE_LIMIT).append(" more");
    }
    msg.append("\nFix or remove them, or read with on-bad-input=skip to skip and report them.");
    throw new InvalidInputException(id, msg.toString());
  }
}
