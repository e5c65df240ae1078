import GongkaiBase
import GongkaiSyntax
import GongkaiModel

/// The schemas of `portal.yaml` and `org.yaml` used when `schema.yaml` does not give its own under `portal:` or `org:`.
package enum DefaultSchemas {
    package static let portal = """
        type: object
        required: [name, base_url, sponsor, site_code, icp_record, police_record]
        additionalProperties: false
        properties:
          name: {type: string, minLength: 2}
          base_url: {type: string, pattern: "^https?://[^/]+(/.*)?$"}
          language: {type: string, enum: [zh-CN, zh-Hans, en]}
          description: {type: string}
          sponsor: {type: string}
          contact: {type: string}
          site_code: {type: string, pattern: "^[0-9A-Za-z]{10}$"}
          icp_record: {type: string}
          police_record: {type: string}
          raw_html: {type: boolean}
          search: {type: boolean}
          data_licence: {type: string}
        """

    package static let org = """
        type: object
        required: [name]
        additionalProperties: false
        properties:
          name: {type: string, minLength: 2}
          short_name: {type: string}
          parent: {type: string}
          code: {type: string}
          order: {type: integer}
        """
}
