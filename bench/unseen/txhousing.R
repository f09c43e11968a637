# Texas housing sales (ggplot2's txhousing) for the held-out sets: `txsales(city)` is one city's monthly
# sales, and `txcities(first)` every fifth city in alphabetical order from the `first`, those whose sales
# have no gap. Sourced by ../unseen4/export.R and ../unseen5/export.R after loading ggplot2.
txsales <- function(city) {
  rows <- txhousing[txhousing$city == city, ]
  rows <- rows[order(rows$year, rows$month), ]
  ts(rows$sales, start = c(rows$year[1], rows$month[1]), frequency = 12)
}
txcities <- function(first) {
  cities <- sort(unique(txhousing$city))
  Filter(function(city) !anyNA(txsales(city)), cities[seq(first, length(cities), by = 5)])
}
