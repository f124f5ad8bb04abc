package de.sipa.meetings.oparl;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OParl asks for {@code Access-Control-Allow-Origin: *} on every answer, also without an {@code Origin} header and
 * on errors (a client that caches an answer must be able to reuse it from a browser). {@code @CrossOrigin} on the
 * controller answers preflight requests; this filter sets the header on everything under {@code /oparl/}.
 */
@Configuration(proxyBeanMethods = false)
class OparlCors {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> oparlCorsFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                response.setHeader("Access-Control-Allow-Origin", "*");
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns(OparlController.PATH, OparlController.PATH + "/*");
        registration.setName("oparlCors");
        return registration;
    }
}
