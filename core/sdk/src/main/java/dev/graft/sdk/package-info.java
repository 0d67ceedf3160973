/**
 * The Graft plugin SDK: code that every modality plugin needs and that would otherwise be copied
 * between plugins. The host ships it, so plugins declare {@code graft-plugin-sdk} {@code provided}
 * (the plugin parent POM does).
 */
package dev.graft.sdk;
