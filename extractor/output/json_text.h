// Small, fast JSON writing helpers shared by the JSON Lines writer and the
// reports: strings escaped per RFC 8259 (input must be valid UTF-8, which
// the readers guarantee), numbers in shortest round-trip form, never NaN.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimex {

void AppendJsonString(std::string& out, std::string_view s);
// Appends the number, or null for nullopt and non-finite values.
void AppendJsonNumber(std::string& out, std::optional<double> v);
// Appends an unsigned integer in decimal (offsets, counts).
void AppendJsonUint(std::string& out, std::size_t v);
// A string field that is null when empty.
void AppendJsonStringOrNull(std::string& out, std::string_view s);

}  // namespace claimex
