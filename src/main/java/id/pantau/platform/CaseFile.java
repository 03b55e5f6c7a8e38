package id.pantau.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A person's case file: what each module knows of one person, as dated entries. Each module that holds facts about
 * persons contributes its own entries from its own tables through a {@link Part}, deciding itself what the viewer may
 * see; the registry puts the parts together, newest first, on the person's page and at
 * {@code GET /api/v1/persons/{id}/timeline}.
 */
public final class CaseFile {

	private static final DateTimeFormatter DAY = DisplayTime.DAY;

	private CaseFile() {
	}

	public enum Kind {
		CROSSING, REPORT, ALERT, ACTION, DECISION, MATCH, RESIDENCE, DOCUMENT, PERMIT, STATUS
	}

	/** Who looks: the name, the territorial scope and the roles (without the {@code ROLE_} prefix). */
	public record Viewer(String username, Scope scope, Set<String> roles) {

		public boolean hasAnyRole(String... wanted) {
			return Arrays.stream(wanted).anyMatch(roles::contains);
		}

		/** A village official, who sees only its own village's entries and no agency's internal notes. */
		public boolean village() {
			return roles.contains("OHOI");
		}
	}

	/**
	 * One entry. Its text is a message key with arguments, so that it reads in the viewer's language; an argument
	 * that is itself a {@link MessageSourceResolvable} (see {@link #label}) is a code shown by its label.
	 *
	 * @param link the page of the record the entry is about, or null when the viewer has none
	 */
	public record Entry(Kind kind, Instant at, String messageKey, List<Object> args, String link) {

		public Entry {
			args = Collections.unmodifiableList(new ArrayList<>(args));
		}
	}

	/** One module's entries about a person, as {@code viewer} may see them. */
	public interface Part {

		List<Entry> entries(Viewer viewer, long personId);
	}

	/** A code shown by its label: the message {@code prefix + code}, or the code itself when there is none. */
	public static MessageSourceResolvable label(String prefix, String code) {
		return new DefaultMessageSourceResolvable(new String[] { prefix + code }, code);
	}

	/** A day as the interface shows it (dd-mm-yyyy), or "-". */
	public static String day(LocalDate date) {
		return date == null ? "-" : DAY.format(date);
	}

	/** A message key with a suffix: {@code alert.rule.} + code + {@code .name}, or the code. */
	public static MessageSourceResolvable label(String prefix, String code, String suffix) {
		return new DefaultMessageSourceResolvable(new String[] { prefix + code + suffix }, code);
	}
}
