package dev.graft.recommender.data;

import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The items a recommender ranks: their external ids in index order, what the interaction values
 * mean, and optional content features. Immutable and shared by every {@link UserHistory} of a data
 * set.
 */
public final class Catalog {

  private final List<String> itemIds;
  private final Map<String, Integer> index;
  private final Feedback feedback;
  private final RatingScale scale;
  private final ItemContent content;

  /**
   * Creates a catalogue.
   *
   * @param itemIds external item ids, unique; position = item index
   * @param feedback explicit ratings or implicit interactions
   * @param scale the rating scale (explicit feedback), or null
   * @param content content features (one row per item), or null
   * @throws InvalidInputException REC-DATA-001 if ids repeat or the content has another row count
   */
  public Catalog(List<String> itemIds, Feedback feedback, RatingScale scale, ItemContent content) {
    this.itemIds = Collections.unmodifiableList(new ArrayList<>(itemIds));
    this.index = new HashMap<>(itemIds.size() * 2);
    for (int i = 0; i < itemIds.size(); i++) {
      if (index.put(itemIds.get(i), i) != null) {
        throw new InvalidInputException(
            RecommenderErrors.NOT_INTERACTION_DATA,
            "item id '" + itemIds.get(i) + "' appears twice in the catalogue.");
      }
    }
    if (content != null && content.items() != itemIds.size()) {
      throw new InvalidInputException(
          RecommenderErrors.MALFORMED_ITEM_METADATA,
          "item content has " + content.items() + " rows for " + itemIds.size() + " items.");
    }
    this.feedback = feedback;
    this.scale = feedback == Feedback.EXPLICIT ? scale : null;
    this.content = content;
  }

  /**
   * Number of items.
   *
   * @return the size
   */
  public int size() {
    return itemIds.size();
  }

  /**
   * External item ids, by index.
   *
   * @return the ids
   */
  public List<String> itemIds() {
    return itemIds;
  }

  /**
   * The index of an external id.
   *
   * @param itemId the id
   * @return the index, or -1 if unknown
   */
  public int indexOf(String itemId) {
    Integer i = index.get(itemId);
    return i == null ? -1 : i;
  }

  /**
   * What interaction values mean.
   *
   * @return the feedback kind
   */
  public Feedback feedback() {
    return feedback;
  }

  /**
   * The rating scale of explicit feedback.
   *
   * @return the scale, empty for implicit feedback
   */
  public Optional<RatingScale> scale() {
    return Optional.ofNullable(scale);
  }

  /**
   * Item content features.
   *
   * @return the content, if the data has any
   */
  public Optional<ItemContent> content() {
    return Optional.ofNullable(content);
  }

  /**
   * The catalogue of the given items, re-indexed in that order.
   *
   * @param keep item indices to keep
   * @return the smaller catalogue
   */
  public Catalog select(int[] keep) {
    List<String> ids = new ArrayList<>(keep.length);
    for (int i : keep) {
      ids.add(itemIds.get(i));
    }
    return new Catalog(ids, feedback, scale, content == null ? null : content.select(keep));
  }

  /**
   * This catalogue with other content features.
   *
   * @param newContent the content (one row per item), or null for none
   * @return the catalogue
   */
  public Catalog withContent(ItemContent newContent) {
    return new Catalog(itemIds, feedback, scale, newContent);
  }
}
