import Banenmatch
import BanenmatchJSON

/// A JSON-RPC error code: the standard ones and SPEC section 4's application codes.
public struct RPCErrorCode: RawRepresentable, Hashable, Sendable {
  public var rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let parseError = RPCErrorCode(rawValue: -32700)
  public static let invalidRequest = RPCErrorCode(rawValue: -32600)
  public static let methodNotFound = RPCErrorCode(rawValue: -32601)
  public static let invalidParams = RPCErrorCode(rawValue: -32602)
  public static let internalError = RPCErrorCode(rawValue: -32603)
  public static let unknownID = RPCErrorCode(rawValue: -32001)
  public static let limitExceeded = RPCErrorCode(rawValue: -32002)
  public static let requestCancelled = RPCErrorCode(rawValue: -32800)
}

/// An error response: code, one-sentence message, optional `data` written by a closure.
public struct RPCError: Error, Sendable {
  public var code: RPCErrorCode
  public var message: String
  public var data: (@Sendable (inout JSONWriter) -> Void)?

  public init(_ code: RPCErrorCode, _ message: String, data: (@Sendable (inout JSONWriter) -> Void)? = nil) {
    self.code = code
    self.message = message
    self.data = data
  }

  /// -32602 with `data.errors: [{path, message}]`.
  public static func invalidParams(_ errors: [FieldError]) -> RPCError {
    RPCError(.invalidParams, "Invalid params") { w in
      w.object { w in
        w.key("errors")
        w.array { w in
          for error in errors {
            w.object { w in
              w.key("path")
              w.string(error.path)
              w.key("message")
              w.string(error.message)
            }
          }
        }
      }
    }
  }

  public static func invalidParams(path: String, _ message: String) -> RPCError {
    invalidParams([FieldError(path: path, message: message)])
  }

  /// -32001 with `data.ids`.
  public static func unknownIDs(_ ids: [String], kind: String) -> RPCError {
    RPCError(.unknownID, "Unknown \(kind) id") { w in
      w.object { w in
        w.key("ids")
        w.strings(ids)
      }
    }
  }

  /// -32002 with `data: {limit, max}`.
  public static func limitExceeded(_ what: String, max: Int, detail: String) -> RPCError {
    RPCError(.limitExceeded, "Limit exceeded: \(detail)") { w in
      w.object { w in
        w.key("limit")
        w.string(what)
        w.key("max")
        w.integer(max)
      }
    }
  }

  public static let cancelled = RPCError(.requestCancelled, "Request cancelled")
}
