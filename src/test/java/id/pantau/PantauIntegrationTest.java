package id.pantau;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real server port and a throw-away embedded PostgreSQL with the demo data. Every test
 * class with this annotation shares one context (and one database), so tests leave the data as they found it or use
 * data of their own. Second-factor codes come from {@link SecondFactorCodes}, whose clock the server's TOTP check shares;
 * every other "now" of the application, the demo data's included, comes from {@link TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ SecondFactorCodes.Clock.class, TestClock.Configuration.class })
public @interface PantauIntegrationTest {
}
