package de.sipa.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import de.sipa.shared.DemoStory;

/** German by default, English on request ({@code ?lang=en}), remembered in a cookie rather than the session. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("sipa-lang");
        resolver.setDefaultLocale(Locale.GERMAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }

    /**
     * Spring Boot registers this filter because webjars-locator-lite switches on the resource chain. It rewrote
     * every link of every page and searched the class path for each (about 15 ms per directory page, see
     * bench/README.md). SiPa uses no versioned resource URLs; the resource handler still resolves the
     * version-less webjar paths itself.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> disabledResourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The one clock of the application, in the partnerships' time zone (not the server's, which is often UTC):
     * deadlines, time windows of the matrix and meeting times are local times.
     */
    @Bean
    Clock clock(@Value("${sipa.time-zone:Europe/Berlin}") ZoneId zone) {
        return Clock.system(zone);
    }

    /**
     * The demo's day, taken once: every module's demo tells its part of one story dated from it, also when loading
     * the demo passes midnight.
     */
    @Bean
    @Profile("demo")
    DemoStory demoStory(Clock clock) {
        return new DemoStory(LocalDate.now(clock));
    }
}
