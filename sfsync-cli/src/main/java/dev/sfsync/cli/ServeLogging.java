package dev.sfsync.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;

/** Switches logging to what a service needs: JSON lines at INFO on standard output (logback-serve.xml). */
final class ServeLogging {
    private ServeLogging() {
    }

    static void json() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL config = ServeLogging.class.getResource("/logback-serve.xml");
        if (config == null) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("logback-serve.xml is broken: " + e.getMessage(), e);
        }
    }
}
