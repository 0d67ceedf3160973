package dev.graft.engine.inject;

import com.google.inject.AbstractModule;

/**
 * Binds the extensions that ship inside the host (estimators, strategies, evaluators) into the
 * multibound sets {@link GraftModule} declares.
 */
final class BuiltinExtensionsModule extends AbstractModule {

  @Override
  protected void configure() {
    // Built-in extensions are added here as each built-in family lands.
  }
}
