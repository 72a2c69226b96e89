// A small well-formedness checker for the HTML claimcheck writes (for tests).
//
// Checks that every '<' in text starts a tag, comment or doctype; that start and end
// tags balance (void elements like <meta> and <br>, and self-closed SVG elements "/>"
// need no end tag); that attribute values are quoted; and that <style>/<script> raw
// text ends with its own end tag. It is not a full HTML5 parser: it accepts only the
// strict subset a generator should produce.
#ifndef CLAIMCHECK_CLI_HTML_CHECKER_H_
#define CLAIMCHECK_CLI_HTML_CHECKER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace claimcheck {

// OK when `html` is well formed as above; else InvalidArgument naming the byte offset
// and what is wrong. `*elements`, when given, receives every start tag name in order.
absl::Status CheckHtmlWellFormed(absl::string_view html,
                                 std::vector<std::string>* elements = nullptr);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_HTML_CHECKER_H_
