package org.medlinestream.enrich.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes read and CPU time spent, by the benchmark thread alone and by the whole JVM (with GC and
 * the JIT compiler): bytes per CPU-second is the speed per core even on a machine busy with other
 * work, where wall-clock rates fall with the share of the cores this JVM gets.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public long cpuBytes;
  public long threadCpuNanos;
  public long processCpuNanos;
  private long threadStart;
  private long processStart;

  @Setup(Level.Iteration)
  public void reset() {
    cpuBytes = 0;
    threadCpuNanos = 0;
    processCpuNanos = 0;
  }

  void begin() {
    threadStart = THREADS.getCurrentThreadCpuTime();
    processStart = OS.getProcessCpuTime();
  }

  void end(long bytes) {
    threadCpuNanos += THREADS.getCurrentThreadCpuTime() - threadStart;
    processCpuNanos += OS.getProcessCpuTime() - processStart;
    cpuBytes += bytes;
  }
}
