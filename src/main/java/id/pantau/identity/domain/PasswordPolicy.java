package id.pantau.identity.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.Zxcvbn;
import org.springframework.stereotype.Component;

/**
 * Password rules after OWASP ASVS 5.0 chapter 6: at least 12 characters, at most 128, any characters allowed (no
 * composition rules), not the user name, and not guessable: zxcvbn's estimate (its lists of common passwords, words
 * and names, keyboard rows, sequences, repeats and dates, with l33t and reversed variants, and the words of this
 * deployment below) must put the password at score {@value #MIN_SCORE} or more, at least 10^8 guesses. The published
 * demo password is refused for every account: demo accounts get it only when seeded in demo mode.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	public static final int MAX_LENGTH = 128;
	static final int MIN_SCORE = 3;

	/** Published in the README for the demo accounts, so known to everyone. */
	static final String DEMO_PASSWORD = "tual-demo-2026";

	/**
	 * Words an attacker tries first against this deployment, and common Indonesian passwords that zxcvbn's English
	 * lists do not know; chosen by the Pantau developers.
	 */
	static final List<String> LOCAL_WORDS = List.of("pantau", "tual", "kotatual", "kei", "maluku", "langgur", "ohoi",
			"demo", "imigrasi", "kesbangpol", "bpmpd", "timpora", "indonesia", "bismillah", "bismillahirrahmanirrahim",
			"sayang", "sayangku", "sayangkamu", "merdeka", "pancasila", "katasandi", "sandi", "rahasia", "garuda",
			"jakarta", "ambon", "cinta", "rindu", "masuk", "admin", "administrator");

	private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Zxcvbn estimator = new Zxcvbn();
	private final SecureRandom random = new SecureRandom();

	/** @throws AccountException naming the first rule the password breaks */
	public void check(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new AccountException("password.tooShort", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw new AccountException("password.tooLong", MAX_LENGTH);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (lower.strip().equals(DEMO_PASSWORD)) {
			throw new AccountException("password.published");
		}
		if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw new AccountException("password.containsUsername");
		}
		List<String> inputs = new ArrayList<>(LOCAL_WORDS);
		if (username != null) {
			inputs.add(username.toLowerCase(Locale.ROOT));
			inputs.addAll(List.of(username.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
		}
		if (estimator.measure(password, inputs).getScore() < MIN_SCORE) {
			throw new AccountException("password.common");
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
