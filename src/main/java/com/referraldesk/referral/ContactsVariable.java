package com.referraldesk.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.referraldesk.partner.Contact;
import java.util.List;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The engagement's contacts are kept as a Json variable, a list of {@code {"name", "phone", "email"}}
 * objects, so the engagement form can list them and the archive can store them.
 */
final class ContactsVariable {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ContactsVariable() {
  }

  /** The contacts in a variable's value: a Json value (its text is the JSON), JSON text, or none. */
  public static List<Contact> parse(Object value) {
    if (value == null) {
      return List.of();
    }
    try {
      List<Contact> contacts = JSON.readValue(value.toString(), new TypeReference<List<Contact>>() { });
      return contacts == null ? List.of() : contacts;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a list of contacts: " + e.getOriginalMessage(), e);
    }
  }

  public static JsonValue value(List<Contact> contacts) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(contacts)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
