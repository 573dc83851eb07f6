package com.referraldesk.rfi;

import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public RFI intake: customers send an RFI to chosen partners or to the best matches. */
@RestController
@RequestMapping("/api/rfis")
public class RfiController {

  private final Rfis rfis;

  RfiController(Rfis rfis) {
    this.rfis = rfis;
  }

  /** 201 with the RFI and its referrals; 200 with the same answer when the request id was sent before. */
  @PostMapping
  public ResponseEntity<RfiReceipt> submit(@Valid @RequestBody RfiRequest request) {
    try {
      Rfis.Submission submission = rfis.submit(request);
      return ResponseEntity.status(submission.created() ? HttpStatus.CREATED : HttpStatus.OK).body(submission.receipt());
    } catch (DuplicateKeyException concurrentRetry) {
      // The same request id arrived twice at once; the other one stored it.
      return ResponseEntity.ok(rfis.receipt(request.requestId()).orElseThrow(() -> concurrentRetry));
    }
  }
}
