package dev.strata.cli;

/**
 * Keeps library chatter (ND4J's backend banner, JavaCPP's loader) away from the user: SLF4J's
 * simple logger prints warnings and errors only, unless {@code STRATA_LOG} names a level.
 */
final class Logging {
    private Logging() {
    }

    static void quiet() {
        String level = System.getenv().getOrDefault("STRATA_LOG", "warn");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
