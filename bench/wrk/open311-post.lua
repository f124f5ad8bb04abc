-- wrk script for bench/open311-ratios.sh: each request posts one concern through Open311 (form-encoded), spread
-- over the demo city's area and four unmoderated categories, with a description of its own. wrk itself counts the
-- answers that are not 2xx ("Non-2xx or 3xx responses").
local codes = {"muell", "laerm", "beleuchtung", "haltestelle"}
local counter = 0

request = function()
  counter = counter + 1
  local code = codes[(counter % #codes) + 1]
  local lat = 48.745 + (counter * 7919 % 1000) / 20000
  local long = 9.145 + (counter * 104729 % 1000) / 10000
  local body = "api_key=musterstadt-demo-key&jurisdiction_id=musterstadt&service_code=" .. code
    .. string.format("&lat=%.6f&long=%.6f", lat, long)
    .. "&description=Last-Test+wrk+" .. counter
  return wrk.format("POST", "/open311/v2/requests.json",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
