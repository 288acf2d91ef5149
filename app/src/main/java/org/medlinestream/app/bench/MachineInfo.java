package org.medlinestream.app.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The machine a benchmark ran on, as the JVM sees it. */
record MachineInfo(int cores, long memoryBytes, String jdk, String os, long maxHeapBytes) {

  static MachineInfo current() {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    return new MachineInfo(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        HeapMonitor.maxHeapBytes());
  }

  /** The system load average of the last minute, or -1 where not available. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  String describe() {
    return String.format(Locale.ROOT, "%d cores, %.1f GB RAM, %s, %s, max heap %d MB", cores,
        memoryBytes / 1e9, jdk, os, maxHeapBytes >> 20);
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cores", cores);
    map.put("memoryBytes", memoryBytes);
    map.put("jdk", jdk);
    map.put("os", os);
    map.put("maxHeapBytes", maxHeapBytes);
    return map;
  }
}
