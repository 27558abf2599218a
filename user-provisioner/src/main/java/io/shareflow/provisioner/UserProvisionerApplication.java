package io.shareflow.provisioner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** user-provisioner: organisations, users, recipient provisioning and registration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UserProvisionerApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserProvisionerApplication.class, args);
    }
}
