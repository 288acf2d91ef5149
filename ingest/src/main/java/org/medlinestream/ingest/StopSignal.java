package org.medlinestream.ingest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A request to stop, checked between records and waited on between scans of a drop folder. */
final class StopSignal {
  private final CountDownLatch requested = new CountDownLatch(1);

  void request() {
    requested.countDown();
  }

  boolean requested() {
    return requested.getCount() == 0;
  }

  /** Waits {@code duration} or until a stop is requested; true when it was. */
  boolean await(Duration duration) throws InterruptedException {
    return requested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
  }
}
