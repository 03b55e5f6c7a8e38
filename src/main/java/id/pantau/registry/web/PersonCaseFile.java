package id.pantau.registry.web;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.platform.CaseFile;
import id.pantau.platform.ScopedPrincipal;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The parts of every module put together: a person's case file, newest first, in the viewer's language. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PersonCaseFile {

	/** An entry as shown: its kind, when, what (in words) and where to look. */
	record Row(CaseFile.Kind kind, Instant at, String summary, String link) {
	}

	private final List<CaseFile.Part> parts;
	private final MessageSource messages;

	/**
	 * @param kind only entries of this kind, or all when null
	 */
	List<Row> rows(ScopedPrincipal user, Collection<? extends GrantedAuthority> authorities, long personId,
			CaseFile.Kind kind, Locale locale) {
		Set<String> roles = authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
				.map(a -> a.substring("ROLE_".length())).collect(Collectors.toUnmodifiableSet());
		CaseFile.Viewer viewer = new CaseFile.Viewer(user.getUsername(), user.scope(), roles);
		return parts.stream().flatMap(part -> part.entries(viewer, personId).stream())
				.filter(entry -> kind == null || entry.kind() == kind)
				.sorted(Comparator.comparing(CaseFile.Entry::at, Comparator.nullsLast(Comparator.reverseOrder())))
				.map(entry -> new Row(entry.kind(), entry.at(),
						messages.getMessage(entry.messageKey(), entry.args().toArray(), locale), entry.link()))
				.toList();
	}
}
