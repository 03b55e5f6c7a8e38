package id.pantau.platform.web;

import id.pantau.platform.DatabaseMode;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started Pantau where to log in. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReadyMessage {

	private final Environment environment;
	private final DatabaseMode database;

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void ready() {
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			return;
		}
		String path = environment.getProperty("server.servlet.context-path", "");
		System.out.println();
		System.out.println("Pantau siap. Masuk di http://localhost:" + port + path + "/");
		System.out.println("Basis data: " + database.description());
	}
}
