package dev.graft.tensorflow.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;

/** The JSON mapping shared by the toolkit's spec records. */
public final class SpecJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private SpecJson() {}

  /**
   * The mapper (thread-safe; do not reconfigure it).
   *
   * @return the shared mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes a spec record as indented JSON.
   *
   * @param value the record
   * @return the JSON text
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          GraftErrors.INTERNAL, "could not write " + value.getClass().getSimpleName() + ": " + e);
    }
  }

  /**
   * Reads a spec record from JSON.
   *
   * @param json the text
   * @param type the record type
   * @param <T> the record type
   * @return the record
   * @throws ConfigException naming the JSON location if the text is invalid
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof ConfigException ce) {
        throw ce;
      }
      String where =
          e instanceof com.fasterxml.jackson.databind.JsonMappingException m
              ? m.getPathReference()
              : String.valueOf(e.getLocation());
      throw new ConfigException(
          "the "
              + type.getSimpleName()
              + " JSON is invalid at "
              + where
              + ": "
              + e.getOriginalMessage().split("\\(set DeserializationConfig")[0].trim()
              + "; fix the JSON text.");
    }
  }
}
