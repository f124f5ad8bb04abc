package de.sipa.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The address every absolute link starts with: required in production, the local port in the demo. */
class BaseUrlTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BaseUrl.class)
    static class BindsTheBaseUrl {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(BindsTheBaseUrl.class);

    @Test
    void productionWithoutABaseUrlDoesNotStartAndSaysWhatToSet() {
        assumeTrue(System.getenv(BaseUrl.ENVIRONMENT_VARIABLE) == null, "SIPA_BASE_URL is set in this environment");
        runner.withInitializer(context -> configuration(context, "application.yml", "application-prod.yml"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    var cause = rootCause(context.getStartupFailure());
                    assertThat(cause).isInstanceOf(IllegalStateException.class);
                    assertThat(cause.getMessage()).contains("sipa.base-url", "SIPA_BASE_URL");
                });
    }

    @Test
    void productionStartsWithTheBaseUrlFromTheEnvironmentVariable() {
        runner.withInitializer(context -> {
            configuration(context, "application.yml", "application-prod.yml");
            context.getEnvironment().getPropertySources()
                    .addLast(new MapPropertySource("env", Map.of("SIPA_BASE_URL", "https://sipa.stadt.example/")));
        }).run(context -> {
            assertThat(context).hasNotFailed();
            var baseUrl = context.getBean(BaseUrl.class);
            assertThat(baseUrl.value()).isEqualTo("https://sipa.stadt.example");
            assertThat(baseUrl.link("/reports/42")).isEqualTo("https://sipa.stadt.example/reports/42");
        });
    }

    @Test
    void theDemoLinksToTheLocalPort() {
        assumeTrue(System.getenv(BaseUrl.ENVIRONMENT_VARIABLE) == null && System.getenv("PORT") == null);
        runner.withInitializer(context -> configuration(context, "application.yml"))
                .run(context -> assertThat(context.getBean(BaseUrl.class).value()).isEqualTo("http://localhost:8080"));
        runner.withInitializer(context -> {
            configuration(context, "application.yml");
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("env", Map.of("PORT", "18080")));
        }).run(context -> assertThat(context.getBean(BaseUrl.class).value()).isEqualTo("http://localhost:18080"));
    }

    @Test
    void onlyAbsoluteHttpAddressesWithoutQueryAreAccepted() {
        assertThatIllegalStateException().isThrownBy(() -> new BaseUrl(null)).withMessageContaining("SIPA_BASE_URL");
        assertThatIllegalStateException().isThrownBy(() -> new BaseUrl("  "));
        assertThatIllegalStateException().isThrownBy(() -> new BaseUrl("sipa.stadt.example"));
        assertThatIllegalStateException().isThrownBy(() -> new BaseUrl("/sipa"));
        assertThatIllegalStateException().isThrownBy(() -> new BaseUrl("ftp://sipa.stadt.example"));
        assertThatIllegalStateException().isThrownBy(() -> new BaseUrl("https://sipa.stadt.example/?x=1"));
        assertThat(new BaseUrl(" https://stadt.example/sipa/ ").link("kalender/1.ics"))
                .isEqualTo("https://stadt.example/sipa/kalender/1.ics");
    }

    /** The application's own configuration files, later ones overriding earlier ones as profiles do. */
    private static void configuration(ConfigurableApplicationContext context, String... files) {
        var loader = new YamlPropertySourceLoader();
        for (var file : files) {
            try {
                for (var source : loader.load(file, new ClassPathResource(file))) {
                    context.getEnvironment().getPropertySources().addFirst(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Throwable rootCause(Throwable failure) {
        var cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
