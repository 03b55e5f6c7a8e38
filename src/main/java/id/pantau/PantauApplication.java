package id.pantau;

import id.pantau.platform.Commands;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class PantauApplication {

	public static void main(String[] args) {
		Commands.main(PantauApplication.class, args);
	}
}
