package dev.graft.api.source;

import dev.graft.api.extension.GraftExtension;
import java.util.List;

/**
 * Finds candidate sources for a job (SavedModel folders, the Graft model store, models a plugin
 * pretrains on a source data set, labelled source data sets) and opens them.
 */
public interface SourceLoader extends GraftExtension {

  /**
   * Lists the candidates this loader can offer for a query. Cheap: nothing is loaded.
   *
   * @param query the target's modality and any location/options from the job
   * @return candidates, possibly empty
   */
  List<SourceDescriptor> discover(SourceQuery query);

  /**
   * Opens a candidate this loader found.
   *
   * @param descriptor one of the descriptors returned by {@link #discover}
   * @return the opened source; the caller closes it
   * @throws dev.graft.api.error.GraftException GRAFT-MODEL-001 if it is missing or invalid
   */
  Source open(SourceDescriptor descriptor);
}
