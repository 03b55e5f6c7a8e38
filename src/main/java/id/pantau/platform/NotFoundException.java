package id.pantau.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What was asked for does not exist, or lies outside the user's territorial scope (the two are answered the same, so
 * that a user cannot learn what exists outside its scope). Shown as a 404.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}
}
