package de.sipa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class SipaApplication {

    public static void main(String[] args) {
        SpringApplication.run(SipaApplication.class, args);
    }
}
