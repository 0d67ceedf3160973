package dev.graft.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.inject.GraftModule;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.strategy.SourceModels;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host injector binds both loaders and the strategies; the encoder lookup goes through the lazy
 * registry.
 */
class BuiltinLoaderBindingTest {

  @Test
  void theHostBindsTheLoadersAndLooksEncodersUpInTheRegistry(@TempDir Path home) {
    GraftConfig config =
        new GraftConfig(
            Optional.empty(), DeviceConfig.cpu(), home.resolve("models"), home.resolve("cache"));
    Injector injector = Guice.createInjector(new GraftModule(config));
    ExtensionRegistry registry = injector.getInstance(ExtensionRegistry.class);
    SourceLoader store = registry.require(SourceLoader.class, ModelStoreLoader.ID);
    registry.require(SourceLoader.class, SavedModelLoader.ID);
    for (String id :
        java.util.List.of(
            "scratch",
            "linear-probe",
            "fine-tune",
            "coral",
            "self-training",
            "kmm",
            "tradaboost")) {
      registry.require(dev.graft.api.transfer.TransferStrategy.class, id);
    }
    SourceQuery query = new SourceQuery(Modality.TABULAR, Optional.empty(), Map.of());
    assertTrue(store.discover(query).isEmpty(), "an absent default store offers nothing");

    SourceModels.exportCircleSource(home.resolve("models/circle"));
    var found = store.discover(query);
    assertEquals(1, found.size());
    // no plugin brings the 'vector' encoder to this host
    GraftException e = assertThrows(GraftException.class, () -> store.open(found.get(0)));
    assertEquals("GRAFT-EXT-001", e.errorId().code());
    assertTrue(e.getMessage().contains("'vector'"), e.getMessage());
  }
}
