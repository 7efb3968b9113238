package io.passerelle.changeservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Change enablement: change requests, approvals and the audit trail. */
@SpringBootApplication
public class ChangeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChangeServiceApplication.class, args);
    }
}
