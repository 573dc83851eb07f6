package com.referraldesk.rfi;

import static com.referraldesk.api.NotFound.unlessFound;

import jakarta.validation.Valid;
import java.net.URI;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public RFI intake: customers send an RFI to chosen partners or to the best matches. Routing runs in the RFI
 * process, so a new RFI is answered 202 and its referrals show at its Location once routed.
 */
@RestController
@Tag(name = "RFIs", description = "Customers' requests for information (public)")
@RequestMapping("/api/rfis")
public class RfiController {

  private final Rfis rfis;

  RfiController(Rfis rfis) {
    this.rfis = rfis;
  }

  /** 202 with the RFI when it is new; 200 with the RFI as far as routed when the request id was sent before. */
  @PostMapping
  @SecurityRequirements // public: see security.ApiSecurity
  @Operation(summary = "Send a customer's request for information",
      description = "Public. Sending the same requestId again starts nothing new and answers the RFI as far as routed.")
  @ApiResponse(responseCode = "202", description = "A new RFI; its referrals show at its Location once routed",
      headers = @Header(name = "Location", description = "/api/rfis/{rfiId}"))
  @ApiResponse(responseCode = "200", description = "The request id was sent before: that RFI, as far as routed")
  @ApiResponse(responseCode = "413", description = "The body is larger than referral-desk.intake.max-body-bytes",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "429", description = "Too many RFIs from this client address; Retry-After says when to retry",
      content = @Content(mediaType = "application/problem+json"))
  public ResponseEntity<RfiReceipt> submit(@Valid @RequestBody RfiRequest request) {
    try {
      Rfis.Submission submission = rfis.submit(request);
      RfiReceipt receipt = submission.receipt();
      return submission.created()
          ? ResponseEntity.accepted().location(URI.create("/api/rfis/" + receipt.rfiId())).body(receipt)
          : ResponseEntity.ok(receipt);
    } catch (DuplicateKeyException concurrentRetry) {
      // The same request id arrived twice at once; the other one stored it.
      return ResponseEntity.ok(rfis.receipt(request.requestId()).orElseThrow(() -> concurrentRetry));
    }
  }

  /** The RFI as far as routed: its referrals with their scores and outcomes. Its random id is what grants access. */
  @GetMapping("/{rfiId}")
  @SecurityRequirements // public: see security.ApiSecurity
  @Operation(summary = "An RFI as far as routed", description = "Public: the RFI's random id is what grants access.")
  @ApiResponse(responseCode = "200", description = "The RFI with its referrals, scores and outcomes")
  @ApiResponse(responseCode = "404", description = "No such RFI", content = @Content(mediaType = "application/problem+json"))
  public RfiReceipt show(@PathVariable String rfiId) {
    return unlessFound(rfis.find(rfiId), "no RFI " + rfiId);
  }
}
