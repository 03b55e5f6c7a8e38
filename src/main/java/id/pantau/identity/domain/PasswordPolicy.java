package id.pantau.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Password rules after OWASP ASVS 5.0 chapter 6: at least 12 characters, at most 128, any characters allowed (no
 * composition rules), not a commonly used password, not the user name.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	public static final int MAX_LENGTH = 128;

	private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Set<String> common;
	private final SecureRandom random = new SecureRandom();

	PasswordPolicy() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			common = reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
					.map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @throws AccountException naming the first rule the password breaks */
	public void check(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new AccountException("password.tooShort", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw new AccountException("password.tooLong", MAX_LENGTH);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower)) {
			throw new AccountException("password.common");
		}
		if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw new AccountException("password.containsUsername");
		}
	}

	/** A temporary password for a new account or a reset, to be changed at the first login. */
	public String temporary() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(TEMPORARY_ALPHABET.charAt(random.nextInt(TEMPORARY_ALPHABET.length())));
		}
		return password.toString();
	}
}
