package org.medlinestream.embedded;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class ({@code ExitWithParent MAIN ARGS...}) and exits, through the JVM's
 * shutdown hooks, when standard input ends: the parent holds it open, so that a test JVM that dies
 * never leaves its child processes behind.
 */
public final class ExitWithParent {
  private ExitWithParent() {}

  public static void main(String[] args) throws Throwable {
    Thread watchdog = new Thread(ExitWithParent::exitWhenInputEnds, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void exitWhenInputEnds() {
    try {
      while (System.in.read() != -1) {
        // The parent never writes; any byte is ignored.
      }
    } catch (IOException e) {
      // Same meaning as end of stream.
    }
    System.exit(0);
  }
}
