/**
 * The TensorFlow runtime: loads the native libraries offline from the classpath ({@link
 * dev.graft.tensorflow.runtime.TensorFlowRuntime}), reports what was loaded and which devices
 * TensorFlow sees ({@link dev.graft.tensorflow.runtime.NativeInfo}), and turns a {@link
 * dev.graft.api.config.DeviceConfig} into TensorFlow session settings ({@link
 * dev.graft.tensorflow.runtime.DevicePlacement}).
 */
package dev.graft.tensorflow.runtime;
