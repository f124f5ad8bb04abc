package de.sipa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

import de.sipa.shared.BaseUrl;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(BaseUrl.class)
public class SipaApplication {

    public static void main(String[] args) {
        SpringApplication.run(SipaApplication.class, args);
    }
}
