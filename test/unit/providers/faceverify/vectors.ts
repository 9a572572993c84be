// faceverify signature vectors, computed independently with the seed's own Python recipe
// (python3, hmac + hashlib + urllib.parse), frozen here:
//
//   def generate_hmac(http_method, url, body, content_type, x_auth_client, secret_key):
//       parsed_url = urlparse(url)
//       request_path = parsed_url.path
//       query_params = parsed_url.query
//       data_to_hash = f"{http_method}\n{request_path}\n{query_params}\n{x_auth_client}\n{content_type}\n{body}"
//       return hmac.new(secret_key.encode('utf-8'), data_to_hash.encode('utf-8'), hashlib.sha256).hexdigest()
//
// and the calls listed with each vector below. Shared by the client's and the sandbox's signature tests.

export const VECTORS = [
  {
    // generate_hmac("POST", "https://start.faceverify.ai/api/v1/session",
    //   '{"country":"US","uniqueIdentifier":"user123"}', "application/json", "xxx-xxx-xxx-xxx-xxx", "secret")
    // (the PROTOCOLS 2.1 example)
    name: 'the PROTOCOLS example',
    input: {
      method: 'POST',
      url: 'https://start.faceverify.ai/api/v1/session',
      contentType: 'application/json',
      body: '{"country":"US","uniqueIdentifier":"user123"}',
      clientId: 'xxx-xxx-xxx-xxx-xxx',
      secretKey: 'secret',
    },
    hex: 'c3cdb6754d3746bf2c0d3ed68a9674d1e51c6476ade9352df3cc7ae200f85ede',
  },
  {
    // generate_hmac("POST", "https://start.faceverify.ai/api/v1/session",
    //   '{"country": "US", "uniqueIdentifier": "user123"}', "application/json",
    //   "xxx-xxx-xxx-xxx-xxx", "xxx-xxx-xxx-xxx-xxx")   (the seed's Python example, spaces and all)
    name: "the seed's Python example",
    input: {
      method: 'POST',
      url: 'https://start.faceverify.ai/api/v1/session',
      contentType: 'application/json',
      body: '{"country": "US", "uniqueIdentifier": "user123"}',
      clientId: 'xxx-xxx-xxx-xxx-xxx',
      secretKey: 'xxx-xxx-xxx-xxx-xxx',
    },
    hex: '456220288046bd59b3045990f083850ce15b959bff53601ebe78195f483b0fd7',
  },
  {
    // generate_hmac("GET", "https://start.faceverify.ai/api/v1/session/abc123?page=2&sort=desc", '',
    //   "application/json", "loket-sandbox-client", "loket-sandbox-faceverify-secret")
    name: 'a URL with a query string',
    input: {
      method: 'GET',
      url: 'https://start.faceverify.ai/api/v1/session/abc123?page=2&sort=desc',
      contentType: 'application/json',
      body: '',
      clientId: 'loket-sandbox-client',
      secretKey: 'loket-sandbox-faceverify-secret',
    },
    hex: '2e6228d7727114fe16dea0039012f59af136fa8eb8c17ea8f580314f9edaea0b',
  },
  {
    // generate_hmac("GET", "http://127.0.0.1:8080/faceverify/api/v1/session/sess_1", '',
    //   "application/json", "loket-sandbox-client", "loket-sandbox-faceverify-secret")
    name: 'an empty body (a status GET under the sandbox prefix)',
    input: {
      method: 'GET',
      url: 'http://127.0.0.1:8080/faceverify/api/v1/session/sess_1',
      contentType: 'application/json',
      body: '',
      clientId: 'loket-sandbox-client',
      secretKey: 'loket-sandbox-faceverify-secret',
    },
    hex: '87bbe798e26ab2456fab5d9172dbb21b609a76f2b0bbca87bf7ca0752eb597b0',
  },
  {
    // generate_hmac("POST", "https://start.faceverify.ai/api/v1/session",
    //   '{"country":"ID","uniqueIdentifier":"Siti Ñuñez 日本"}', "application/json",
    //   "loket-sandbox-client", "kunci-rahasia-é")
    name: 'a non-ASCII body and secret (UTF-8 on both sides)',
    input: {
      method: 'POST',
      url: 'https://start.faceverify.ai/api/v1/session',
      contentType: 'application/json',
      body: '{"country":"ID","uniqueIdentifier":"Siti Ñuñez 日本"}',
      clientId: 'loket-sandbox-client',
      secretKey: 'kunci-rahasia-é',
    },
    hex: 'cdf7e5d999a1e09cee40c19a7c43195993191ebc28c0837160ddc4e811a3498d',
  },
] as const;
