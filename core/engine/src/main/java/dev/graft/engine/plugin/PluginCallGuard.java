package dev.graft.engine.plugin;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps a plugin's extension so that every call runs with the plugin's class loader as the thread
 * context class loader, and so that an unexpected failure inside the plugin surfaces as a {@link
 * GraftException} (GRAFT-PLUGIN-007) naming the plugin, the extension and the method, instead of an
 * anonymous exception from deep inside it. Graft's own errors pass through unchanged; JVM errors
 * such as {@link OutOfMemoryError} are not masked.
 */
final class PluginCallGuard implements InvocationHandler {

  private final Object target;
  private final ClassLoader pluginLoader;
  private final String pluginId;
  private final String extensionLabel;

  private PluginCallGuard(
      Object target, ClassLoader pluginLoader, String pluginId, String extensionLabel) {
    this.target = target;
    this.pluginLoader = pluginLoader;
    this.pluginId = pluginId;
    this.extensionLabel = extensionLabel;
  }

  /**
   * Guards {@code target} behind {@code point}.
   *
   * @param point the extension point interface
   * @param target the plugin's extension instance
   * @param pluginLoader the plugin's class loader
   * @param pluginId the plugin id, for error messages
   * @param <T> the point type
   * @return a proxy implementing {@code point}
   */
  static <T> T guard(Class<T> point, Object target, ClassLoader pluginLoader, String pluginId) {
    String label = target.getClass().getName();
    Object proxy =
        Proxy.newProxyInstance(
            point.getClassLoader(),
            new Class<?>[] {point},
            new PluginCallGuard(target, pluginLoader, pluginId, label));
    return point.cast(proxy);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      switch (method.getName()) {
        case "toString":
          return "plugin " + pluginId + ": " + extensionLabel;
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          break;
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(pluginLoader);
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof GraftException || cause instanceof VirtualMachineError) {
        throw cause;
      }
      throw new GraftException(
          GraftErrors.PLUGIN_FAILED,
          "plugin '"
              + pluginId
              + "' failed in "
              + extensionLabel
              + "."
              + method.getName()
              + "(): "
              + cause
              + ". Report this to the plugin's provider; other plugins are unaffected.",
          cause);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
