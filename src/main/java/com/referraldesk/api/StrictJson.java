package com.referraldesk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.stereotype.Component;

/**
 * JSON values of the wrong type are refused, not converted: Jackson reads {@code "requestId": 12} or
 * {@code "name": true} as the text "12" or "true", and {@code "active": 1} as true, where the API wants text or
 * true/false. Refused, they are answered 400 naming the field by its path ({@code customer.country has the wrong
 * type}), as every other value of the wrong type. A Jackson module, so the application's ObjectMapper (the one
 * Spring MVC reads request bodies with) gets it wherever Spring Boot builds it, in the API's test slice too.
 */
@Component
class StrictJson extends SimpleModule {

  StrictJson() {
    super("referral-desk-strict-json");
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    ObjectMapper mapper = context.getOwner();
    for (CoercionInputShape scalar : new CoercionInputShape[] {
        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
  }
}
