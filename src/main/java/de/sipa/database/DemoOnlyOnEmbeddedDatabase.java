package de.sipa.database;

import java.util.Arrays;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * The demo city is the default only on SiPa's own embedded PostgreSQL: started without a profile and without
 * {@code spring.datasource.url}, SiPa runs the profile {@code demo}. Against an external database it loads no demo
 * data and no demo accounts unless {@code demo} is named ({@code spring.profiles.active=demo}). A default profile
 * set explicitly ({@code spring.profiles.default}) is left as it is.
 *
 * <p>Runs after the configuration files are read, so a data source named in any of them counts. Registered in
 * {@code META-INF/spring.factories}.
 */
class DemoOnlyOnEmbeddedDatabase implements EnvironmentPostProcessor, Ordered {

    static final String DEMO = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || StringUtils.hasText(environment.getProperty(AbstractEnvironment.DEFAULT_PROFILES_PROPERTY_NAME))
                || !Arrays.equals(environment.getDefaultProfiles(), new String[] {"default"})) {
            return;
        }
        environment.setDefaultProfiles(DEMO);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
