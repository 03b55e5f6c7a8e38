package id.pantau.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This Pantau instance's name among the instances that share one database: {@code pantau.instance-name}
 * ({@code PANTAU_INSTANCE_NAME}) when set, otherwise the host's name and the process id. It is written where work is
 * claimed (the lock of a scheduled job, an import slot, an import job) and logged with it, so that an operator sees which
 * instance ran what.
 */
@Component
public class Instance {

	private static final Logger log = LoggerFactory.getLogger(Instance.class);

	private final String name;

	public Instance(@Value("${pantau.instance-name:}") String configured) {
		this.name = configured == null || configured.isBlank() ? host() + "/" + ProcessHandle.current().pid()
				: configured.strip();
		log.info("Instance name: {}", name);
	}

	public String name() {
		return name;
	}

	private static String host() {
		String env = System.getenv("HOSTNAME");
		if (env != null && !env.isBlank()) {
			return env;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "localhost";
		}
	}

	@Override
	public String toString() {
		return name;
	}
}
