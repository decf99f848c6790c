// Generated from /api/openapi.json by `npm run api:types` (src/http/openapi-types.ts). Do not edit.

export interface paths {
  "/api/auth/login": {
    post: {
      path: never;
      query: never;
      body: {
        email: string;
        password: string;
      };
      response: {
        user: {
          id: number;
          email: string;
          displayName: string;
          locale: "nl-BE" | "en";
          active: boolean;
          /** Signed in with a temporary password: everything but "who am I" and the change is refused */
          mustChangePassword?: boolean;
          /** When the temporary password stops working; null for a chosen one */
          passwordExpiresAt?: (string | string) | null;
          memberships: {
            organisationId: number;
            organisationName: string;
            kind: "school" | "clb" | "region" | "lop";
            role: string;
            /** Classes a class teacher follows; empty for other roles */
            classNames: string[];
            /** Schools this membership reaches */
            schoolIds: number[];
          }[];
        };
        notice: {
          /** Failed sign-ins on this account since the last one */
          failedLoginsSinceLastSignIn: number;
        };
      };
    };
  };
  "/api/auth/logout": {
    post: {
      path: never;
      query: never;
      body: never;
      response: void;
    };
  };
  "/api/me": {
    get: {
      path: never;
      query: never;
      body: never;
      response: {
        id: number;
        email: string;
        displayName: string;
        locale: "nl-BE" | "en";
        active: boolean;
        /** Signed in with a temporary password: everything but "who am I" and the change is refused */
        mustChangePassword?: boolean;
        /** When the temporary password stops working; null for a chosen one */
        passwordExpiresAt?: (string | string) | null;
        memberships: {
          organisationId: number;
          organisationName: string;
          kind: "school" | "clb" | "region" | "lop";
          role: string;
          /** Classes a class teacher follows; empty for other roles */
          classNames: string[];
          /** Schools this membership reaches */
          schoolIds: number[];
        }[];
        /** The actions the policy allows this user somewhere */
        actions: string[];
      };
    };
  };
  "/api/me/password": {
    post: {
      path: never;
      query: never;
      body: {
        currentPassword: string;
        newPassword: string;
      };
      response: void;
    };
  };
  "/api/auth/oidc": {
    get: {
      path: never;
      query: never;
      body: never;
      response: {
        enabled: boolean;
        /** Text of the button */
        label: string | null;
      };
    };
  };
  "/api/auth/oidc/login": {
    get: {
      path: never;
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/auth/oidc/callback": {
    get: {
      path: never;
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/schools": {
    get: {
      path: never;
      query: never;
      body: never;
      response: {
        id: number;
        name: string;
        institutionNumber: string | null;
        calendarLevel: ("basis" | "secundair") | null;
        /** School years with data, newest first */
        schoolYears: string[];
        defaultSchoolYear: string;
        /** The actions the policy allows this user on this school */
        actions?: string[];
      }[];
    };
  };
  "/api/absence-codes": {
    get: {
      path: never;
      query: never;
      body: never;
      response: {
        code: string;
        official: boolean;
        mapsTo: string | null;
        countsAsAbsent: boolean;
        nl: string;
        en: string;
      }[];
    };
  };
  "/api/schools/{schoolId}/pupils": {
    get: {
      path: {
        schoolId: string;
      };
      query: {
        limit?: number;
        offset?: number;
        schoolYear?: string;
        class?: string;
        level?: "kleuter" | "lager" | "secundair";
        q?: string;
        sort?: string;
        order?: "asc" | "desc";
      };
      body: never;
      response: {
        schoolYear: string;
        /** Pupils matching the filter, over all pages */
        total: number;
        classes: string[];
        /** Codes registered in this school year (stable code columns across pages) */
        codes: string[];
        items: {
          id: number;
          externalId: string;
          firstName: string;
          lastName: string;
          /** Civil date YYYY-MM-DD */
          birthDate: string;
          level: "kleuter" | "lager" | "secundair";
          grade: number | null;
          className: string | null;
          absentHalfDays: number;
          countsByCode: {
            [key: string]: number;
          };
        }[];
      };
    };
  };
  "/api/pupils/{pupilId}": {
    get: {
      path: {
        pupilId: string;
      };
      query: {
        schoolYear?: string;
      };
      body: never;
      response: {
        pupil: {
          id: number;
          externalId: string;
          firstName: string;
          lastName: string;
          /** Civil date YYYY-MM-DD */
          birthDate: string;
          schoolId: number;
        };
        /** The enrolment of the school year shown; null: not enrolled that year */
        enrolment: {
          schoolYear: string;
          level: "kleuter" | "lager" | "secundair";
          grade: number | null;
          className: string | null;
          /** Civil date YYYY-MM-DD */
          enrolledFrom: string;
          enrolledUntil: string | null;
          excludedOn: string | null;
          /** After a definitive exclusion: enrolled in another school */
          enrolledElsewhereFrom: string | null;
          enrolledElsewhereSchool: string | null;
          /** Optimistic lock of the enrolled-elsewhere edits */
          version: number;
        } | null;
        schoolYear: string;
        /** School years the pupil is enrolled in, newest first */
        schoolYears: string[];
        calendar: {
          /** Civil date YYYY-MM-DD */
          date: string;
          half: "AM" | "PM";
          schoolDay: boolean;
        }[];
        register: {
          /** Civil date YYYY-MM-DD */
          date: string;
          half: "AM" | "PM";
          code: string;
          note: string | null;
        }[];
        countsByCode: {
          [key: string]: number;
        };
        history: {
          /** Civil date YYYY-MM-DD */
          date: string;
          half: "AM" | "PM";
          oldCode: string;
          newCode: string;
          /** ISO 8601, UTC */
          changedAt: string;
          changedBy: string | null;
          importId: number | null;
        }[];
        /** Half-days carried over from a previous school this school year (docs/import.md); null: none */
        carriedOver: {
          /** B half-days at a previous school this school year, counted by the rules */
          b: number;
          bSource: "import" | "other-school";
          z: number | null;
          p: number | null;
        } | null;
        /** What the page may offer to change (the server checks again on every write) */
        permissions: {
          enrolmentElsewhere: boolean;
        };
      };
    };
  };
  "/api/pupils/{pupilId}/enrolments/{schoolYear}/elsewhere": {
    put: {
      path: {
        pupilId: string;
        schoolYear: string;
      };
      query: never;
      body: {
        /** First day in the other school; null clears it */
        from: string | null;
        school?: string | null;
        version: number;
      };
      response: {
        schoolYear: string;
        level: "kleuter" | "lager" | "secundair";
        grade: number | null;
        className: string | null;
        /** Civil date YYYY-MM-DD */
        enrolledFrom: string;
        enrolledUntil: string | null;
        excludedOn: string | null;
        /** After a definitive exclusion: enrolled in another school */
        enrolledElsewhereFrom: string | null;
        enrolledElsewhereSchool: string | null;
        /** Optimistic lock of the enrolled-elsewhere edits */
        version: number;
      };
    };
  };
  "/api/schools/{schoolId}/imports/{kind}/template.csv": {
    get: {
      path: {
        schoolId: string;
        kind: "pupils" | "register" | "calendar";
      };
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/schools/{schoolId}/imports": {
    get: {
      path: {
        schoolId: string;
      };
      query: never;
      body: never;
      response: {
        id: number;
        kind: "pupils" | "register" | "calendar";
        fileName: string;
        rowCount: number;
        insertedCount: number;
        updatedCount: number;
        /** UTC timestamp */
        createdAt: string;
        createdBy: string | null;
      }[];
    };
  };
  "/api/schools/{schoolId}/imports/{kind}": {
    post: {
      path: {
        schoolId: string;
        kind: "pupils" | "register" | "calendar";
      };
      query: never;
      body: never;
      response: {
        status: "applied" | "unchanged";
        importId: number | null;
        rows: number;
        inserted: number;
        updated: number;
        warnings: {
          /** Row as a spreadsheet numbers it (header = 1); null: the whole file */
          row: number | null;
          column: string | null;
          code: string;
          messages: {
            nl: string;
            en: string;
          };
        }[];
      };
    };
  };
  "/api/schools/{schoolId}/register.csv": {
    get: {
      path: {
        schoolId: string;
      };
      query: {
        from?: string;
        until?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/schools/{schoolId}/register.xlsx": {
    get: {
      path: {
        schoolId: string;
      };
      query: {
        from?: string;
        until?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/schools/{schoolId}/attention": {
    get: {
      path: {
        schoolId: string;
      };
      query: {
        limit?: number;
        offset?: number;
        schoolYear?: string;
        rule?: string;
        class?: string;
        track?: "ongeoorloofd" | "geoorloofd" | "schoolweigering" | "thuiszitter" | "kleuterparticipatie" | "algemeen";
        status?: "open" | "handled" | "all";
        group?: "signal" | "pupil";
      };
      body: never;
      response: {
        schoolYear: string;
        asOf: string;
        /** Signals, or pupils when group=pupil */
        total: number;
        /** One item per signal (empty when group=pupil) */
        items: {
          id: number;
          version: number;
          schoolId: number;
          schoolName: string;
          pupil: {
            id: number;
            externalId: string;
            firstName: string;
            lastName: string;
            birthDate: string;
            className: string | null;
          };
          ruleId: string;
          title: {
            nl: string;
            en: string;
          };
          action: {
            nl: string;
            en: string;
          };
          obligation: string;
          source: string;
          track: "ongeoorloofd" | "geoorloofd" | "schoolweigering" | "thuiszitter" | "kleuterparticipatie" | "algemeen";
          triggeredOn: string;
          status: "new" | "acknowledged" | "handled";
          explanation: {
            nl: string;
            en: string;
          };
          evidence: unknown;
          /** Days a legal obligation has been open; null otherwise */
          daysOpen: number | null;
          /** The facts behind the position in the list, in the order they were applied */
          priority: {
            rule: number;
            legal: boolean;
            ageYears: number;
            parentsUnreachable: boolean;
            recentAbsences: number;
            otherOpenSignals: number;
          };
          handledNote: string | null;
          handledAt: string | null;
          /** Pupil-file kinds whose recorded entry alone closes this legal signal (catalog closedBy); null: any */
          closedBy: string[] | null;
        }[];
        /** Only when group=pupil: one card per pupil */
        groups?: {
          schoolId: number;
          schoolName: string;
          pupil: {
            id: number;
            externalId: string;
            firstName: string;
            lastName: string;
            birthDate: string;
            className: string | null;
          };
          /** The pupil has a signal the catalog marks as binding by law */
          legal: boolean;
          /** The priority facts of the pupil's first signal */
          priority: {
            rule: number;
            legal: boolean;
            ageYears: number;
            parentsUnreachable: boolean;
            recentAbsences: number;
            otherOpenSignals: number;
          };
          /** The pupil's signals in priority order (legal items first) */
          signals: {
            id: number;
            version: number;
            schoolId: number;
            schoolName: string;
            pupil: {
              id: number;
              externalId: string;
              firstName: string;
              lastName: string;
              birthDate: string;
              className: string | null;
            };
            ruleId: string;
            title: {
              nl: string;
              en: string;
            };
            action: {
              nl: string;
              en: string;
            };
            obligation: string;
            source: string;
            track: "ongeoorloofd" | "geoorloofd" | "schoolweigering" | "thuiszitter" | "kleuterparticipatie" | "algemeen";
            triggeredOn: string;
            status: "new" | "acknowledged" | "handled";
            explanation: {
              nl: string;
              en: string;
            };
            evidence: unknown;
            /** Days a legal obligation has been open; null otherwise */
            daysOpen: number | null;
            /** The facts behind the position in the list, in the order they were applied */
            priority: {
              rule: number;
              legal: boolean;
              ageYears: number;
              parentsUnreachable: boolean;
              recentAbsences: number;
              otherOpenSignals: number;
            };
            handledNote: string | null;
            handledAt: string | null;
            /** Pupil-file kinds whose recorded entry alone closes this legal signal (catalog closedBy); null: any */
            closedBy: string[] | null;
          }[];
        }[];
        /** Rule ids present in the list (for the filter) */
        rules: string[];
        /** Title of each rule in `rules` */
        ruleTitles: {
          [key: string]: {
            nl: string;
            en: string;
          };
        };
        classes: string[];
      };
    };
  };
  "/api/attention": {
    get: {
      path: never;
      query: {
        limit?: number;
        offset?: number;
        schoolYear?: string;
        rule?: string;
        class?: string;
        track?: "ongeoorloofd" | "geoorloofd" | "schoolweigering" | "thuiszitter" | "kleuterparticipatie" | "algemeen";
        status?: "open" | "handled" | "all";
        group?: "signal" | "pupil";
      };
      body: never;
      response: {
        schoolYear: string;
        asOf: string;
        /** Signals, or pupils when group=pupil */
        total: number;
        /** One item per signal (empty when group=pupil) */
        items: {
          id: number;
          version: number;
          schoolId: number;
          schoolName: string;
          pupil: {
            id: number;
            externalId: string;
            firstName: string;
            lastName: string;
            birthDate: string;
            className: string | null;
          };
          ruleId: string;
          title: {
            nl: string;
            en: string;
          };
          action: {
            nl: string;
            en: string;
          };
          obligation: string;
          source: string;
          track: "ongeoorloofd" | "geoorloofd" | "schoolweigering" | "thuiszitter" | "kleuterparticipatie" | "algemeen";
          triggeredOn: string;
          status: "new" | "acknowledged" | "handled";
          explanation: {
            nl: string;
            en: string;
          };
          evidence: unknown;
          /** Days a legal obligation has been open; null otherwise */
          daysOpen: number | null;
          /** The facts behind the position in the list, in the order they were applied */
          priority: {
            rule: number;
            legal: boolean;
            ageYears: number;
            parentsUnreachable: boolean;
            recentAbsences: number;
            otherOpenSignals: number;
          };
          handledNote: string | null;
          handledAt: string | null;
          /** Pupil-file kinds whose recorded entry alone closes this legal signal (catalog closedBy); null: any */
          closedBy: string[] | null;
        }[];
        /** Only when group=pupil: one card per pupil */
        groups?: {
          schoolId: number;
          schoolName: string;
          pupil: {
            id: number;
            externalId: string;
            firstName: string;
            lastName: string;
            birthDate: string;
            className: string | null;
          };
          /** The pupil has a signal the catalog marks as binding by law */
          legal: boolean;
          /** The priority facts of the pupil's first signal */
          priority: {
            rule: number;
            legal: boolean;
            ageYears: number;
            parentsUnreachable: boolean;
            recentAbsences: number;
            otherOpenSignals: number;
          };
          /** The pupil's signals in priority order (legal items first) */
          signals: {
            id: number;
            version: number;
            schoolId: number;
            schoolName: string;
            pupil: {
              id: number;
              externalId: string;
              firstName: string;
              lastName: string;
              birthDate: string;
              className: string | null;
            };
            ruleId: string;
            title: {
              nl: string;
              en: string;
            };
            action: {
              nl: string;
              en: string;
            };
            obligation: string;
            source: string;
            track: "ongeoorloofd" | "geoorloofd" | "schoolweigering" | "thuiszitter" | "kleuterparticipatie" | "algemeen";
            triggeredOn: string;
            status: "new" | "acknowledged" | "handled";
            explanation: {
              nl: string;
              en: string;
            };
            evidence: unknown;
            /** Days a legal obligation has been open; null otherwise */
            daysOpen: number | null;
            /** The facts behind the position in the list, in the order they were applied */
            priority: {
              rule: number;
              legal: boolean;
              ageYears: number;
              parentsUnreachable: boolean;
              recentAbsences: number;
              otherOpenSignals: number;
            };
            handledNote: string | null;
            handledAt: string | null;
            /** Pupil-file kinds whose recorded entry alone closes this legal signal (catalog closedBy); null: any */
            closedBy: string[] | null;
          }[];
        }[];
        /** Rule ids present in the list (for the filter) */
        rules: string[];
        /** Title of each rule in `rules` */
        ruleTitles: {
          [key: string]: {
            nl: string;
            en: string;
          };
        };
        classes: string[];
      };
    };
  };
  "/api/pupils/{pupilId}/signals": {
    get: {
      path: {
        pupilId: string;
      };
      query: {
        schoolYear?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/signals/{signalId}/acknowledge": {
    post: {
      path: {
        signalId: string;
      };
      query: never;
      body: {
        version: number;
        note?: string;
        link?: string;
      };
      response: {
        id: number;
        version: number;
        /** new, acknowledged or handled */
        status: string;
      };
    };
  };
  "/api/signals/{signalId}/handle": {
    post: {
      path: {
        signalId: string;
      };
      query: never;
      body: {
        version: number;
        note?: string;
        link?: string;
      };
      response: {
        id: number;
        version: number;
        /** new, acknowledged or handled */
        status: string;
      };
    };
  };
  "/api/schools/{schoolId}/selfscans": {
    get: {
      path: {
        schoolId: string;
      };
      query: never;
      body: never;
      response: unknown;
    };
    post: {
      path: {
        schoolId: string;
      };
      query: never;
      body: {
        /** School year, e.g. 2025-2026 */
        schoolYear: string;
      };
      response: {
        schoolYear: string;
        /** false: the scan of that year already existed (starting twice is harmless) */
        created: boolean;
      };
    };
  };
  "/api/schools/{schoolId}/selfscans/{schoolYear}": {
    get: {
      path: {
        schoolId: string;
        schoolYear: string;
      };
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/schools/{schoolId}/selfscans/{schoolYear}/goals/{goalId}": {
    put: {
      path: {
        schoolId: string;
        schoolYear: string;
        goalId: string;
      };
      query: never;
      body: {
        version: number;
        score: number | null;
        focus?: string;
      };
      response: {
        goalId: string;
        score: number | null;
        focus: string;
        version: number;
      };
    };
  };
  "/api/schools/{schoolId}/selfscans/{schoolYear}/answers/{questionId}": {
    put: {
      path: {
        schoolId: string;
        schoolYear: string;
        questionId: string;
      };
      query: never;
      body: {
        version: number;
        answer: string;
      };
      response: {
        questionId: string;
        answer: string;
        version: number;
      };
    };
  };
  "/api/schools/{schoolId}/selfscans/{schoolYear}/goals/{goalId}/actions": {
    post: {
      path: {
        schoolId: string;
        schoolYear: string;
        goalId: string;
      };
      query: never;
      body: {
        what: string;
        who?: string;
        due?: string;
        check?: string;
        status?: "planned" | "in-progress" | "done" | "dropped";
      };
      response: {
        id: number;
        goalId: string;
        version: number;
        what: string;
        who: string;
        due: string;
        check: string;
        status: "planned" | "in-progress" | "done" | "dropped";
      };
    };
  };
  "/api/schools/{schoolId}/selfscans/{schoolYear}/actions/{actionId}": {
    put: {
      path: {
        schoolId: string;
        schoolYear: string;
        actionId: string;
      };
      query: never;
      body: {
        what: string;
        who?: string;
        due?: string;
        check?: string;
        status?: "planned" | "in-progress" | "done" | "dropped";
        version: number;
      };
      response: {
        id: number;
        goalId: string;
        version: number;
        what: string;
        who: string;
        due: string;
        check: string;
        status: "planned" | "in-progress" | "done" | "dropped";
      };
    };
  };
  "/api/schools/{schoolId}/selfscans/{schoolYear}/goals/{goalId}/comments": {
    post: {
      path: {
        schoolId: string;
        schoolYear: string;
        goalId: string;
      };
      query: never;
      body: {
        body: string;
      };
      response: {
        id: number;
        goalId: string;
        body: string;
      };
    };
  };
  "/api/schools/{schoolId}/selfscans/{schoolYear}/export.pdf": {
    get: {
      path: {
        schoolId: string;
        schoolYear: string;
      };
      query: {
        lang?: "nl" | "en";
      };
      body: never;
      response: unknown;
    };
  };
  "/api/schools/{schoolId}/selfscans/{schoolYear}/export.docx": {
    get: {
      path: {
        schoolId: string;
        schoolYear: string;
      };
      query: {
        lang?: "nl" | "en";
      };
      body: never;
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/notes": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: {
        id: number;
        pupilId: number;
        schoolId: number;
        confidentiality: "school" | "school+clb" | "clb" | "clb-arts";
        body: string;
        authorId: number;
        authorName: string;
        authorRole: string;
        /** Date and time, ISO 8601 */
        createdAt: string | string;
        /** A CLB doctor's note's consents, for who manages them; otherwise empty */
        consents: {
          id: number;
          noteId: number | null;
          entryId: number | null;
          documentId: number | null;
          givenBy: string;
          purpose: string;
          sharedWithRoles: string[];
          /** Civil date YYYY-MM-DD */
          validUntil: string;
          /** Date and time, ISO 8601 */
          recordedAt: string | string;
          revokedAt: (string | string) | null;
        }[];
      }[];
    };
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        confidentiality: string;
        body: string;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/notes/{noteId}/consents": {
    post: {
      path: {
        noteId: string;
      };
      query: never;
      body: {
        givenBy: string;
        purpose: string;
        sharedWithRoles: string[];
        /** Civil date YYYY-MM-DD */
        validUntil: string;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/file/entries/{entryId}/consents": {
    get: {
      path: {
        entryId: string;
      };
      query: never;
      body: never;
      response: {
        items: {
          id: number;
          noteId: number | null;
          entryId: number | null;
          documentId: number | null;
          givenBy: string;
          purpose: string;
          sharedWithRoles: string[];
          /** Civil date YYYY-MM-DD */
          validUntil: string;
          /** Date and time, ISO 8601 */
          recordedAt: string | string;
          revokedAt: (string | string) | null;
          /** Shares the item today */
          valid: boolean;
        }[];
      };
    };
    post: {
      path: {
        entryId: string;
      };
      query: never;
      body: {
        givenBy: string;
        purpose: string;
        sharedWithRoles: string[];
        /** Civil date YYYY-MM-DD */
        validUntil: string;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/file/documents/{documentId}/consents": {
    get: {
      path: {
        documentId: string;
      };
      query: never;
      body: never;
      response: {
        items: {
          id: number;
          noteId: number | null;
          entryId: number | null;
          documentId: number | null;
          givenBy: string;
          purpose: string;
          sharedWithRoles: string[];
          /** Civil date YYYY-MM-DD */
          validUntil: string;
          /** Date and time, ISO 8601 */
          recordedAt: string | string;
          revokedAt: (string | string) | null;
          /** Shares the item today */
          valid: boolean;
        }[];
      };
    };
    post: {
      path: {
        documentId: string;
      };
      query: never;
      body: {
        givenBy: string;
        purpose: string;
        sharedWithRoles: string[];
        /** Civil date YYYY-MM-DD */
        validUntil: string;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/consents/{consentId}/revoke": {
    post: {
      path: {
        consentId: string;
      };
      query: never;
      body: never;
      response: void;
    };
  };
  "/api/pupils/{pupilId}/file": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/timeline": {
    get: {
      path: {
        pupilId: string;
      };
      query: {
        limit?: number;
        offset?: number;
        sources?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/agreements": {
    get: {
      path: {
        pupilId: string;
      };
      query: {
        limit?: number;
        offset?: number;
        status?: "open" | "done" | "dropped";
      };
      body: never;
      response: unknown;
    };
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        what: string;
        who: string;
        dueOn: string;
        remindOn?: string | null;
        checkNote?: string | null;
        status?: "open" | "done" | "dropped";
        entryId?: number | null;
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/people": {
    get: {
      path: {
        pupilId: string;
      };
      query: {
        limit?: number;
        offset?: number;
      };
      body: never;
      response: unknown;
    };
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        relation: string;
        name: string;
        phone?: string | null;
        email?: string | null;
        address?: string | null;
        note?: string | null;
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/history": {
    get: {
      path: {
        pupilId: string;
      };
      query: {
        limit?: number;
        offset?: number;
        item?: string;
        itemId?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/tracks/{track}": {
    put: {
      path: {
        pupilId: string;
        track: string;
      };
      query: never;
      body: {
        phase: number;
        reason: string;
        version: number;
        whatWasDone?: string | null;
        noClbReason?: string | null;
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/pivot": {
    put: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        name: string;
        role?: string | null;
        contact?: string | null;
        version: number;
      };
      response: unknown;
    };
  };
  "/api/file/people/{personId}": {
    put: {
      path: {
        personId: string;
      };
      query: never;
      body: {
        relation: string;
        name: string;
        phone?: string | null;
        email?: string | null;
        address?: string | null;
        note?: string | null;
        version: number;
      };
      response: unknown;
    };
  };
  "/api/file/people/{personId}/contact-attempts": {
    post: {
      path: {
        personId: string;
      };
      query: never;
      body: {
        attemptedOn: string;
        channel: string;
        reached: boolean;
        note?: string | null;
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/entries": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        kind: string;
        occurredOn: string;
        who: string;
        what: string;
        effect?: string | null;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        handlesSignal?: {
          id: number;
          version: number;
        };
      };
      response: unknown;
    };
  };
  "/api/file/entries/{entryId}": {
    put: {
      path: {
        entryId: string;
      };
      query: never;
      body: {
        kind: string;
        occurredOn: string;
        who: string;
        what: string;
        effect?: string | null;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        version: number;
      };
      response: unknown;
    };
  };
  "/api/file/agreements/{agreementId}": {
    put: {
      path: {
        agreementId: string;
      };
      query: never;
      body: {
        what: string;
        who: string;
        dueOn: string;
        remindOn?: string | null;
        checkNote?: string | null;
        status?: "open" | "done" | "dropped";
        version: number;
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/clb-signal": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        checklist: {
          [key: string]: string;
        };
        noConversationReason?: string;
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/police-report": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        ground: string;
        unwillingnessFacts?: string;
        notPowerlessness?: boolean;
        unreachability?: {
          lastKnownAddress?: string;
          lastSeenOn?: string;
          attemptsSummary?: string;
        };
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/hospital-return": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        dischargeOn?: string;
        answers: {
          [key: string]: string;
        };
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/return-plan": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        /** Who receives the pupil and where: asked before the steps’ dates (seed 002 l. 1441–1449) */
        how?: {
          receivedBy?: string;
          where?: string;
        };
        steps: {
          from: string;
          load: number;
          description: string;
          leaveOut: string[];
        }[];
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/school-refusal-signals": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        answers: {
          [key: string]: {
            answer?: string;
            note?: string;
          };
        };
        followUp?: string;
        recentEvents?: string;
        informationNeeded?: string;
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/perspectives": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        rows: {
          stakeholder: string;
          name?: string;
          whatIsGoingOn?: string;
          pupilExperience?: string;
        }[];
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/school-refusal-review": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        stage?: string;
        rows: {
          stakeholder: string;
          name?: string;
          done?: string;
          effect?: string;
          needed?: string;
        }[];
        pivot?: string;
        regie?: string;
        clbRole?: string;
        channels?: string[];
        communication?: string;
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/let-go-of-school": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        grounds: string[];
        alternatives: string[];
        otherAlternative?: string;
        discussedWith?: string;
        /** How long the alternative runs (seed 002 l. 1866–1874) */
        term?: string;
        /** When the alternative is reviewed: a reminder */
        reviewOn?: string;
        contactPlan?: {
          who?: string;
          frequency?: string;
          nextContactOn?: string;
          channel?: string;
        };
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/clb-referral": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
        grounds: string[];
        answers: {
          [key: string]: string;
        };
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/export.json": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/export.pdf": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/signals/{signalId}/handle-with-entry": {
    post: {
      path: {
        signalId: string;
      };
      query: never;
      body: {
        version: number;
        note: string;
        kind?: string;
        occurredOn?: string;
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file/documents": {
    get: {
      path: {
        pupilId: string;
      };
      query: {
        limit?: number;
        offset?: number;
      };
      body: never;
      response: {
        items: {
          id: number;
          pupilId: number;
          schoolId: number;
          /** The measure (entry) the document belongs to, if any */
          entryId: number | null;
          title: string;
          description: string | null;
          fileName: string;
          mediaType: string;
          sizeBytes: number;
          sha256: string;
          confidentiality: "school" | "school+clb" | "clb" | "clb-arts";
          uploadedBy: string | null;
          uploaderRole: string;
          /** Date and time, ISO 8601 */
          uploadedAt: string | string;
          removedAt: (string | string) | null;
          removedBy: string | null;
          removalReason: string | null;
          version: number;
        }[];
        /** Documents the user may see, over all pages */
        total: number;
        limit: number;
        offset: number;
        /** What an upload may be */
        rules: {
          maxBytes: number;
          /** File extensions for the file picker */
          accept: string;
        };
      };
    };
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: {
        id: number;
        pupilId: number;
        schoolId: number;
        /** The measure (entry) the document belongs to, if any */
        entryId: number | null;
        title: string;
        description: string | null;
        fileName: string;
        mediaType: string;
        sizeBytes: number;
        sha256: string;
        confidentiality: "school" | "school+clb" | "clb" | "clb-arts";
        uploadedBy: string | null;
        uploaderRole: string;
        /** Date and time, ISO 8601 */
        uploadedAt: string | string;
        removedAt: (string | string) | null;
        removedBy: string | null;
        removalReason: string | null;
        version: number;
      };
    };
  };
  "/api/file/documents/{documentId}/content": {
    get: {
      path: {
        documentId: string;
      };
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/file/documents/{documentId}/remove": {
    post: {
      path: {
        documentId: string;
      };
      query: never;
      body: {
        version: number;
        reason?: string | null;
      };
      response: {
        id: number;
        pupilId: number;
        schoolId: number;
        /** The measure (entry) the document belongs to, if any */
        entryId: number | null;
        title: string;
        description: string | null;
        fileName: string;
        mediaType: string;
        sizeBytes: number;
        sha256: string;
        confidentiality: "school" | "school+clb" | "clb" | "clb-arts";
        uploadedBy: string | null;
        uploaderRole: string;
        /** Date and time, ISO 8601 */
        uploadedAt: string | string;
        removedAt: (string | string) | null;
        removedBy: string | null;
        removalReason: string | null;
        version: number;
      };
    };
  };
  "/api/schools/{schoolId}/reminders": {
    get: {
      path: {
        schoolId: string;
      };
      query: {
        limit?: number;
        offset?: number;
        mine?: "0" | "1" | "true" | "false";
      };
      body: never;
      response: {
        /** Civil date YYYY-MM-DD */
        today: string;
        /** Days before the due date a reminder without its own date appears */
        leadDays: number;
        /** Reminders matching the filter, over all pages */
        total: number;
        overdue: number;
        items: {
          id: number;
          version: number;
          pupilId: number;
          schoolId: number;
          schoolName: string;
          externalId: string;
          firstName: string;
          lastName: string;
          /** The class this school year */
          className: string | null;
          /** The class of the pupil's latest enrolment, for display */
          lastClassName: string | null;
          what: string;
          who: string;
          /** Civil date YYYY-MM-DD */
          dueOn: string;
          remindOn: string | null;
          checkNote: string | null;
          createdBy: string | null;
          /** Created by me, or naming me as "wie" */
          mine: boolean;
          state: "upcoming" | "due-today" | "overdue";
          daysOverdue: number;
        }[];
      };
    };
  };
  "/api/reminders": {
    get: {
      path: never;
      query: {
        limit?: number;
        offset?: number;
        mine?: "0" | "1" | "true" | "false";
      };
      body: never;
      response: {
        /** Civil date YYYY-MM-DD */
        today: string;
        /** Days before the due date a reminder without its own date appears */
        leadDays: number;
        /** Reminders matching the filter, over all pages */
        total: number;
        overdue: number;
        items: {
          id: number;
          version: number;
          pupilId: number;
          schoolId: number;
          schoolName: string;
          externalId: string;
          firstName: string;
          lastName: string;
          /** The class this school year */
          className: string | null;
          /** The class of the pupil's latest enrolment, for display */
          lastClassName: string | null;
          what: string;
          who: string;
          /** Civil date YYYY-MM-DD */
          dueOn: string;
          remindOn: string | null;
          checkNote: string | null;
          createdBy: string | null;
          /** Created by me, or naming me as "wie" */
          mine: boolean;
          state: "upcoming" | "due-today" | "overdue";
          daysOverdue: number;
        }[];
      };
    };
  };
  "/api/admin/organisations": {
    get: {
      path: never;
      query: never;
      body: never;
      response: {
        id: number;
        name: string;
        kind: "school" | "clb" | "region" | "lop";
      }[];
    };
  };
  "/api/admin/users": {
    get: {
      path: never;
      query: {
        organisationId?: number;
      };
      body: never;
      response: {
        id: number;
        email: string;
        displayName: string;
        active: boolean;
        /** Signed-in refused until then after wrong passwords */
        lockedUntil: (string | string) | null;
        /** Only the memberships in the organisations asked for */
        memberships: {
          organisationId: number;
          organisationName: string;
          role: string;
          classNames: string[];
        }[];
      }[];
    };
    post: {
      path: never;
      query: never;
      body: {
        organisationId: number;
        role: string;
        classNames?: string[];
        email: string;
        displayName: string;
      };
      response: {
        userId: number;
        /** Shown once; expires, and must be changed at the first sign-in */
        temporaryPassword: string;
      };
    };
  };
  "/api/admin/grants": {
    get: {
      path: never;
      query: {
        organisationId?: number;
        userId?: number;
      };
      body: never;
      response: {
        id: number;
        /** Date and time, ISO 8601 */
        at: string | string;
        actorLabel: string;
        action: "user.invite" | "user.assign-role" | "user.remove-role" | "access.refused";
        organisationId: number | null;
        organisationName: string | null;
        userId: number | null;
        userEmail: string | null;
        role: string | null;
        /** self-grant: a refused attempt to grant oneself a role */
        problem: string | null;
      }[];
    };
  };
  "/api/admin/users/{userId}/roles": {
    post: {
      path: {
        userId: string;
      };
      query: never;
      body: {
        organisationId: number;
        role: string;
        classNames?: string[];
      };
      response: void;
    };
  };
  "/api/admin/users/{userId}/roles/remove": {
    post: {
      path: {
        userId: string;
      };
      query: never;
      body: {
        organisationId: number;
        role: string;
        classNames?: string[];
      };
      response: void;
    };
  };
  "/api/admin/users/{userId}/deactivate": {
    post: {
      path: {
        userId: string;
      };
      query: never;
      body: never;
      response: void;
    };
  };
  "/api/admin/users/{userId}/activate": {
    post: {
      path: {
        userId: string;
      };
      query: never;
      body: never;
      response: void;
    };
  };
  "/api/admin/users/{userId}/password-reset": {
    post: {
      path: {
        userId: string;
      };
      query: never;
      body: never;
      response: {
        /** Shown once; expires, and must be changed at the first sign-in */
        temporaryPassword: string;
      };
    };
  };
  "/api/audit": {
    get: {
      path: never;
      query: {
        limit?: number;
        offset?: number;
        organisationId?: number;
        pupilId?: number;
        userId?: number;
        action?: string;
        from?: string;
        until?: string;
      };
      body: never;
      response: {
        /** Events matching the filter, over all pages */
        total: number;
        items: {
          id: number;
          /** Date and time, ISO 8601 */
          at: string | string;
          userId: number | null;
          actorLabel: string;
          action: string;
          organisationId: number | null;
          organisationName: string | null;
          pupilIds: number[];
          origin: string;
          detail: {
            [key: string]: unknown;
          };
        }[];
      };
    };
  };
  "/api/me/notifications": {
    get: {
      path: never;
      query: never;
      body: never;
      response: {
        /** How often the e-mail digest comes: daily, weekly (Mondays) or off */
        frequency: "daily" | "weekly" | "off";
        /** 0 while the default applies */
        version: number;
        /** The latest digests sent to me (never their content) */
        log: {
          kind: string;
          /** Civil date YYYY-MM-DD */
          day: string;
          itemCount: number;
          outcome: "sent" | "failed";
          attempts: number;
          at: string;
        }[];
      };
    };
    put: {
      path: never;
      query: never;
      body: {
        /** How often the e-mail digest comes: daily, weekly (Mondays) or off */
        frequency: "daily" | "weekly" | "off";
        version: number;
      };
      response: {
        /** How often the e-mail digest comes: daily, weekly (Mondays) or off */
        frequency: "daily" | "weekly" | "off";
        /** 0 while the default applies */
        version: number;
        /** The latest digests sent to me (never their content) */
        log: {
          kind: string;
          /** Civil date YYYY-MM-DD */
          day: string;
          itemCount: number;
          outcome: "sent" | "failed";
          attempts: number;
          at: string;
        }[];
      };
    };
  };
  "/api/schools/{schoolId}/letter-templates": {
    get: {
      path: {
        schoolId: string;
      };
      query: never;
      body: never;
      response: {
        placeholders: {
          name: string;
          description: string;
        }[];
        templates: {
          kind: "unjustified-absence" | "late-often" | "clb-involved" | "invitation" | "toah-bednet";
          label: string;
          source: string;
          subject: string;
          body: string;
          isDefault: boolean;
          version: number;
          defaultSubject: string;
          defaultBody: string;
        }[];
      };
    };
  };
  "/api/schools/{schoolId}/letter-templates/{kind}": {
    put: {
      path: {
        schoolId: string;
        kind: string;
      };
      query: never;
      body: {
        subject: string;
        body: string;
        version: number;
      };
      response: {
        placeholders: {
          name: string;
          description: string;
        }[];
        templates: {
          kind: "unjustified-absence" | "late-often" | "clb-involved" | "invitation" | "toah-bednet";
          label: string;
          source: string;
          subject: string;
          body: string;
          isDefault: boolean;
          version: number;
          defaultSubject: string;
          defaultBody: string;
        }[];
      };
    };
    delete: {
      path: {
        schoolId: string;
        kind: string;
      };
      query: never;
      body: never;
      response: {
        placeholders: {
          name: string;
          description: string;
        }[];
        templates: {
          kind: "unjustified-absence" | "late-often" | "clb-involved" | "invitation" | "toah-bednet";
          label: string;
          source: string;
          subject: string;
          body: string;
          isDefault: boolean;
          version: number;
          defaultSubject: string;
          defaultBody: string;
        }[];
      };
    };
  };
  "/api/pupils/{pupilId}/letters": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        kind: "unjustified-absence" | "late-often" | "clb-involved" | "invitation" | "toah-bednet";
        format: "pdf" | "docx";
        /** Civil date YYYY-MM-DD */
        from?: string;
        /** Civil date YYYY-MM-DD */
        until?: string;
        meetingAt?: string;
        meetingPlace?: string;
      };
      response: unknown;
    };
  };
  "/api/schools/{schoolId}/care-meetings/proposal": {
    get: {
      path: {
        schoolId: string;
      };
      query: never;
      body: never;
      response: {
        /** Pupils with open signals */
        total: number;
        pupils: {
          pupilId: number;
          externalId: string;
          firstName: string;
          lastName: string;
          className: string | null;
          /** Has a signal binding by law (these come first) */
          legal: boolean;
          reasons: {
            ruleId: string;
            title: string;
          }[];
        }[];
      };
    };
  };
  "/api/schools/{schoolId}/care-meetings": {
    get: {
      path: {
        schoolId: string;
      };
      query: {
        limit?: number;
        offset?: number;
      };
      body: never;
      response: {
        items: {
          id: number;
          schoolId: number;
          schoolName: string;
          /** Civil date YYYY-MM-DD */
          heldOn: string;
          title: string;
          attendees: {
            name: string;
            /** e.g. zorgcoördinator, CLB-medewerker */
            role: string;
            side: "school" | "clb";
          }[];
          pupils: number;
        }[];
      };
    };
    post: {
      path: {
        schoolId: string;
      };
      query: never;
      body: {
        /** Civil date YYYY-MM-DD */
        heldOn: string;
        title?: string;
        attendees: {
          name: string;
          /** e.g. zorgcoördinator, CLB-medewerker */
          role: string;
          side: "school" | "clb";
        }[];
        pupilIds: number[];
      };
      response: {
        id: number;
      };
    };
  };
  "/api/care-meetings/{meetingId}": {
    get: {
      path: {
        meetingId: string;
      };
      query: never;
      body: never;
      response: {
        id: number;
        schoolId: number;
        schoolName: string;
        /** Civil date YYYY-MM-DD */
        heldOn: string;
        title: string;
        attendees: {
          name: string;
          /** e.g. zorgcoördinator, CLB-medewerker */
          role: string;
          side: "school" | "clb";
        }[];
        pupils: number;
        agenda: {
          pupilId: number;
          externalId: string;
          firstName: string;
          lastName: string;
          className: string | null;
          position: number;
          legal: boolean;
          reasons: {
            ruleId: string;
            title: string;
          }[];
          discussed: boolean;
          /** Only the notes the reader may see (a CLB note never reaches school roles) */
          notes: {
            text: string;
            confidentiality: string;
          }[];
          agreements: {
            id: number;
            what: string;
            who: string;
            /** Civil date YYYY-MM-DD */
            dueOn: string;
            remindOn: string | null;
            checkNote: string | null;
            status: string;
          }[];
        }[];
      };
    };
  };
  "/api/care-meetings/{meetingId}/pupils/{pupilId}/decisions": {
    post: {
      path: {
        meetingId: string;
        pupilId: string;
      };
      query: never;
      body: {
        /** What was discussed (school and CLB read it) */
        note: string;
        /** CLB-confidential note; only CLB members write it */
        clbNote?: string | null;
        agreements: {
          what: string;
          who: string;
          /** Civil date YYYY-MM-DD */
          dueOn: string;
          remindOn?: string | null;
          checkNote?: string | null;
        }[];
      };
      response: {
        entryId: number;
        clbEntryId: number | null;
        agreements: number[];
      };
    };
  };
  "/api/care-meetings/{meetingId}/minutes.pdf": {
    get: {
      path: {
        meetingId: string;
      };
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/monitor/scopes": {
    get: {
      path: never;
      query: never;
      body: never;
      response: {
        /** Schools whose dashboard the user may open (empty: all) */
        schoolIds: number[];
        clbs: {
          id: number;
          name: string;
        }[];
        regions: {
          id: number;
          name: string;
        }[];
      };
    };
  };
  "/api/schools/{schoolId}/monitor": {
    get: {
      path: {
        schoolId: string;
      };
      query: {
        schoolYear?: string;
      };
      body: never;
      response: {
        scope: {
          kind: "school" | "clb" | "region";
          id: number;
          name: string;
          schoolCount: number;
        };
        /** When the precomputed figures were last refreshed */
        refreshedAt: (string | string) | null;
        /** The Monday of each school week (key 01: 1 September) */
        weekStarts: {
          [key: string]: string;
        };
        dashboard: {
          schoolYear: string;
          previousSchoolYear: string;
          /** Small cells suppressed (CLB and region) */
          suppressed: boolean;
          minShownCount: number;
          codes: string[];
          enrolled: {
            /** null: a suppressed small cell (1 to 4) */
            current: number | null;
            /** null: a suppressed small cell (1 to 4) */
            previous: number | null;
          };
          series: {
            week: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            month: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            weekday: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            class: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            grade: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
          };
          thresholds: {
            halfDays: number;
            ruleId: string;
            code: string;
            /** null: a suppressed small cell (1 to 4) */
            pupils: number | null;
            /** pupils ÷ enrolled pupils (0…1) */
            share: number | null;
          }[];
          signals: {
            ruleId: string;
            /** null: a suppressed small cell (1 to 4) */
            holding: number | null;
            /** null: a suppressed small cell (1 to 4) */
            open: number | null;
          }[];
          clbDelay: {
            /** null: a suppressed small cell (1 to 4) */
            signalled: number | null;
            medianDays: number | null;
            averageDays: number | null;
            /** null: a suppressed small cell (1 to 4) */
            notYetSignalled: number | null;
            medianDaysOpen: number | null;
          };
          agreements: {
            /** null: a suppressed small cell (1 to 4) */
            open: number | null;
            /** null: a suppressed small cell (1 to 4) */
            overdue: number | null;
          };
        };
      };
    };
  };
  "/api/monitor/clbs/{clbId}": {
    get: {
      path: {
        clbId: string;
      };
      query: {
        schoolYear?: string;
      };
      body: never;
      response: {
        scope: {
          kind: "school" | "clb" | "region";
          id: number;
          name: string;
          schoolCount: number;
        };
        /** When the precomputed figures were last refreshed */
        refreshedAt: (string | string) | null;
        /** The Monday of each school week (key 01: 1 September) */
        weekStarts: {
          [key: string]: string;
        };
        dashboard: {
          schoolYear: string;
          previousSchoolYear: string;
          /** Small cells suppressed (CLB and region) */
          suppressed: boolean;
          minShownCount: number;
          codes: string[];
          enrolled: {
            /** null: a suppressed small cell (1 to 4) */
            current: number | null;
            /** null: a suppressed small cell (1 to 4) */
            previous: number | null;
          };
          series: {
            week: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            month: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            weekday: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            class: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            grade: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
          };
          thresholds: {
            halfDays: number;
            ruleId: string;
            code: string;
            /** null: a suppressed small cell (1 to 4) */
            pupils: number | null;
            /** pupils ÷ enrolled pupils (0…1) */
            share: number | null;
          }[];
          signals: {
            ruleId: string;
            /** null: a suppressed small cell (1 to 4) */
            holding: number | null;
            /** null: a suppressed small cell (1 to 4) */
            open: number | null;
          }[];
          clbDelay: {
            /** null: a suppressed small cell (1 to 4) */
            signalled: number | null;
            medianDays: number | null;
            averageDays: number | null;
            /** null: a suppressed small cell (1 to 4) */
            notYetSignalled: number | null;
            medianDaysOpen: number | null;
          };
          agreements: {
            /** null: a suppressed small cell (1 to 4) */
            open: number | null;
            /** null: a suppressed small cell (1 to 4) */
            overdue: number | null;
          };
        };
      };
    };
  };
  "/api/monitor/regions/{regionId}": {
    get: {
      path: {
        regionId: string;
      };
      query: {
        schoolYear?: string;
      };
      body: never;
      response: {
        scope: {
          kind: "school" | "clb" | "region";
          id: number;
          name: string;
          schoolCount: number;
        };
        /** When the precomputed figures were last refreshed */
        refreshedAt: (string | string) | null;
        /** The Monday of each school week (key 01: 1 September) */
        weekStarts: {
          [key: string]: string;
        };
        dashboard: {
          schoolYear: string;
          previousSchoolYear: string;
          /** Small cells suppressed (CLB and region) */
          suppressed: boolean;
          minShownCount: number;
          codes: string[];
          enrolled: {
            /** null: a suppressed small cell (1 to 4) */
            current: number | null;
            /** null: a suppressed small cell (1 to 4) */
            previous: number | null;
          };
          series: {
            week: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            month: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            weekday: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            class: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
            grade: {
              key: string;
              /** Absent half-days per code */
              current: {
                [key: string]: number | null;
              };
              /** Absent half-days per code */
              previous: {
                [key: string]: number | null;
              };
            }[];
          };
          thresholds: {
            halfDays: number;
            ruleId: string;
            code: string;
            /** null: a suppressed small cell (1 to 4) */
            pupils: number | null;
            /** pupils ÷ enrolled pupils (0…1) */
            share: number | null;
          }[];
          signals: {
            ruleId: string;
            /** null: a suppressed small cell (1 to 4) */
            holding: number | null;
            /** null: a suppressed small cell (1 to 4) */
            open: number | null;
          }[];
          clbDelay: {
            /** null: a suppressed small cell (1 to 4) */
            signalled: number | null;
            medianDays: number | null;
            averageDays: number | null;
            /** null: a suppressed small cell (1 to 4) */
            notYetSignalled: number | null;
            medianDaysOpen: number | null;
          };
          agreements: {
            /** null: a suppressed small cell (1 to 4) */
            open: number | null;
            /** null: a suppressed small cell (1 to 4) */
            overdue: number | null;
          };
        };
      };
    };
  };
  "/api/schools/{schoolId}/monitor/export.csv": {
    get: {
      path: {
        schoolId: string;
      };
      query: {
        schoolYear?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/monitor/clbs/{clbId}/export.csv": {
    get: {
      path: {
        clbId: string;
      };
      query: {
        schoolYear?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/monitor/regions/{regionId}/export.csv": {
    get: {
      path: {
        regionId: string;
      };
      query: {
        schoolYear?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/schools/{schoolId}/monitor/thuiszitters": {
    get: {
      path: {
        schoolId: string;
      };
      query: {
        schoolYear?: string;
      };
      body: never;
      response: {
        schoolYear: string;
        today: string;
        /** The signals that make a pupil a thuiszitter */
        rules: string[];
        pupils: {
          pupilId: number;
          schoolId: number;
          schoolName: string;
          firstName: string;
          lastName: string;
          className: string | null;
          ruleIds: string[];
          /** First thuiszitter signal; null: listed for time away only */
          signalledSince: string | null;
          /** Absent school half-days this school year, across every spell */
          absentHalfDays: number;
          /** School half-days of the enrolment up to today */
          schoolHalfDays: number;
          shareMissed: number | null;
          spells: number;
          /** In school half-days */
          longestSpell: number;
          /** Start of the spell the pupil is in now; null: not at home now */
          atHomeSince: string | null;
          /** School days of the current spell (holidays never count) */
          daysAtHome: number;
          /** Half-days at home by an arrangement in force */
          partialSchooling: string[] | null;
          /** From the pupil file: TOAH, SIO, NAFT; null: no file */
          education: string | null;
          pivotPerson: string | null;
          lastContact: string | null;
        }[];
      };
    };
  };
  "/api/monitor/thuiszitters": {
    get: {
      path: never;
      query: {
        schoolYear?: string;
      };
      body: never;
      response: {
        schoolYear: string;
        today: string;
        /** The signals that make a pupil a thuiszitter */
        rules: string[];
        pupils: {
          pupilId: number;
          schoolId: number;
          schoolName: string;
          firstName: string;
          lastName: string;
          className: string | null;
          ruleIds: string[];
          /** First thuiszitter signal; null: listed for time away only */
          signalledSince: string | null;
          /** Absent school half-days this school year, across every spell */
          absentHalfDays: number;
          /** School half-days of the enrolment up to today */
          schoolHalfDays: number;
          shareMissed: number | null;
          spells: number;
          /** In school half-days */
          longestSpell: number;
          /** Start of the spell the pupil is in now; null: not at home now */
          atHomeSince: string | null;
          /** School days of the current spell (holidays never count) */
          daysAtHome: number;
          /** Half-days at home by an arrangement in force */
          partialSchooling: string[] | null;
          /** From the pupil file: TOAH, SIO, NAFT; null: no file */
          education: string | null;
          pivotPerson: string | null;
          lastContact: string | null;
        }[];
      };
    };
  };
  "/api/pupils/{pupilId}/file/phase2": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: {
        /** Whether the reader may take the routes (file.legal-route) */
        canRecord: boolean;
        facts: {
          clbInvolved: boolean;
          schoolMeasures: number;
          clbConsultations: number;
          firstTruancyRegistrations: number;
          truancyRegistrations: number;
          agodiReports: {
            entryId: number;
            /** Civil date YYYY-MM-DD */
            occurredOn: string;
          }[];
        };
        /** ABSENCE_RISING (docs/rules.md); null without a measure in the file */
        absenceRising: {
          ruleId: "ABSENCE_RISING";
          holds: boolean;
          evaluated: boolean;
          /** Civil date YYYY-MM-DD */
          firstMeasureOn: string;
          windowSchoolDays: number;
          before: {
            from: string | null;
            until: string | null;
            schoolHalfDays: number;
            absentHalfDays: number;
          };
          after: {
            from: string | null;
            until: string | null;
            schoolHalfDays: number;
            absentHalfDays: number;
          };
          rateBefore: number | null;
          rateAfter: number | null;
          minRisePoints: number;
        } | null;
      };
    };
  };
  "/api/pupils/{pupilId}/file/workflows/m-document": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        destination?: string;
        grounds?: string[];
        groundsExplanation?: string;
        integrityAtRisk?: boolean;
        integrityFacts?: string;
        questionClarification?: string;
        consultOn?: string;
        consultOutcome?: string;
        truancyPlanAttached?: boolean;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/pupils/{pupilId}/file/workflows/agodi-report": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        schoolEfforts?: string;
        clbEfforts?: string;
        situation?: string;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/pupils/{pupilId}/file/workflows/agodi-letter-copy": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        reportEntryId?: number;
        receivedOn?: string;
        copyToSchool?: boolean;
        copyToClb?: boolean;
        note?: string;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/pupils/{pupilId}/file/workflows/nrtj-referral": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        sector?: string;
        submittedOn?: string;
        motivation?: string;
        familyInvolvement?: string;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/pupils/{pupilId}/file/workflows/truancy-action-plan": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        occurredOn?: string;
        who?: string;
        registration?: string;
        registeredOn?: string;
        policeZone?: string;
        agreements?: string;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/pupils/{pupilId}/partial-schooling": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: {
        arrangements: {
          id: number;
          pupilId: number;
          schoolId: number;
          requestedBy: string;
          reason: string;
          homeHalfDays: string[];
          /** Civil date YYYY-MM-DD */
          since: string;
          /** Civil date YYYY-MM-DD */
          reviewOn: string;
          endedOn: string | null;
          parentsAgreed: boolean;
          clbInvolved: boolean;
          clbDoctorInvolved: boolean;
          createdAt: string;
          updatedAt: string;
          version: number;
          /** In force today */
          inForce: boolean;
          signals: {
            ruleId: "PARTIAL_REVIEW_DUE" | "PARTIAL_MORE_THAN_AGREED";
            /** Civil date YYYY-MM-DD */
            since: string;
            explanation: {
              nl: string;
              en: string;
            };
            halfDays: {
              /** Civil date YYYY-MM-DD */
              date: string;
              half: "AM" | "PM";
            }[];
          }[];
        }[];
        /** FIXED_SLOT holds and no arrangement is in force: propose recording one */
        proposed: boolean;
      };
    };
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        /** Who asked (role or name) */
        requestedBy: string;
        reason: string;
        /** Half-days of the week at home: ISO weekday and half, e.g. 3-PM */
        homeHalfDays: ("1-AM" | "1-PM" | "2-AM" | "2-PM" | "3-AM" | "3-PM" | "4-AM" | "4-PM" | "5-AM" | "5-PM")[];
        /** Civil date YYYY-MM-DD */
        since: string;
        /** Civil date YYYY-MM-DD */
        reviewOn: string;
        endedOn?: string | null;
        parentsAgreed: boolean;
        clbInvolved: boolean;
        clbDoctorInvolved: boolean;
      };
      response: {
        id: number;
        pupilId: number;
        schoolId: number;
        requestedBy: string;
        reason: string;
        homeHalfDays: string[];
        /** Civil date YYYY-MM-DD */
        since: string;
        /** Civil date YYYY-MM-DD */
        reviewOn: string;
        endedOn: string | null;
        parentsAgreed: boolean;
        clbInvolved: boolean;
        clbDoctorInvolved: boolean;
        createdAt: string;
        updatedAt: string;
        version: number;
        /** In force today */
        inForce: boolean;
        signals: {
          ruleId: "PARTIAL_REVIEW_DUE" | "PARTIAL_MORE_THAN_AGREED";
          /** Civil date YYYY-MM-DD */
          since: string;
          explanation: {
            nl: string;
            en: string;
          };
          halfDays: {
            /** Civil date YYYY-MM-DD */
            date: string;
            half: "AM" | "PM";
          }[];
        }[];
      };
    };
  };
  "/api/pupils/{pupilId}/partial-schooling/{arrangementId}": {
    put: {
      path: {
        pupilId: string;
        arrangementId: string;
      };
      query: never;
      body: {
        /** Who asked (role or name) */
        requestedBy: string;
        reason: string;
        /** Half-days of the week at home: ISO weekday and half, e.g. 3-PM */
        homeHalfDays: ("1-AM" | "1-PM" | "2-AM" | "2-PM" | "3-AM" | "3-PM" | "4-AM" | "4-PM" | "5-AM" | "5-PM")[];
        /** Civil date YYYY-MM-DD */
        since: string;
        /** Civil date YYYY-MM-DD */
        reviewOn: string;
        endedOn?: string | null;
        parentsAgreed: boolean;
        clbInvolved: boolean;
        clbDoctorInvolved: boolean;
        version: number;
      };
      response: {
        id: number;
        pupilId: number;
        schoolId: number;
        requestedBy: string;
        reason: string;
        homeHalfDays: string[];
        /** Civil date YYYY-MM-DD */
        since: string;
        /** Civil date YYYY-MM-DD */
        reviewOn: string;
        endedOn: string | null;
        parentsAgreed: boolean;
        clbInvolved: boolean;
        clbDoctorInvolved: boolean;
        createdAt: string;
        updatedAt: string;
        version: number;
        /** In force today */
        inForce: boolean;
        signals: {
          ruleId: "PARTIAL_REVIEW_DUE" | "PARTIAL_MORE_THAN_AGREED";
          /** Civil date YYYY-MM-DD */
          since: string;
          explanation: {
            nl: string;
            en: string;
          };
          halfDays: {
            /** Civil date YYYY-MM-DD */
            date: string;
            half: "AM" | "PM";
          }[];
        }[];
      };
    };
  };
  "/api/monitor/regions/{regionId}/report": {
    get: {
      path: {
        regionId: string;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: {
        format: "aanwezig-region-report/1";
        scope: {
          kind: "region" | "clb" | "all" | "lop";
          id: number | null;
          name: string;
          schoolCount: number;
          /** A LOP's level (scope kind lop only) */
          level?: "basis" | "secundair";
        };
        /** Civil date YYYY-MM-DD */
        asOf: string;
        schoolYear: string;
        refreshedAt: (string | string) | null;
        minShownCount: number;
        sections: {
          id: string;
          title: {
            nl: string;
            en: string;
          };
          definition: {
            nl: string;
            en: string;
          };
          source: string;
          figures: {
            id: string;
            label: {
              nl: string;
              en: string;
            };
            unit: "pupils" | "schools" | "share" | "days" | "half-days";
            /** null: suppressed (see suppressed) or not defined */
            value: number | null;
            suppressed: boolean;
          }[];
        }[];
      };
    };
  };
  "/api/monitor/regions/{regionId}/report.csv": {
    get: {
      path: {
        regionId: string;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/monitor/regions/{regionId}/report.pdf": {
    get: {
      path: {
        regionId: string;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/monitor/clbs/{clbId}/report": {
    get: {
      path: {
        clbId: string;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: {
        format: "aanwezig-region-report/1";
        scope: {
          kind: "region" | "clb" | "all" | "lop";
          id: number | null;
          name: string;
          schoolCount: number;
          /** A LOP's level (scope kind lop only) */
          level?: "basis" | "secundair";
        };
        /** Civil date YYYY-MM-DD */
        asOf: string;
        schoolYear: string;
        refreshedAt: (string | string) | null;
        minShownCount: number;
        sections: {
          id: string;
          title: {
            nl: string;
            en: string;
          };
          definition: {
            nl: string;
            en: string;
          };
          source: string;
          figures: {
            id: string;
            label: {
              nl: string;
              en: string;
            };
            unit: "pupils" | "schools" | "share" | "days" | "half-days";
            /** null: suppressed (see suppressed) or not defined */
            value: number | null;
            suppressed: boolean;
          }[];
        }[];
      };
    };
  };
  "/api/monitor/clbs/{clbId}/report.csv": {
    get: {
      path: {
        clbId: string;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/monitor/clbs/{clbId}/report.pdf": {
    get: {
      path: {
        clbId: string;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/enrolments/{schoolYear}/exclusion-support": {
    get: {
      path: {
        pupilId: string;
        schoolYear: string;
      };
      query: never;
      body: never;
      response: {
        schoolYear: string;
        level: "kleuter" | "lager" | "secundair";
        excludedOn: string | null;
        /** Primary: opvang offered during the exclusion; null: not recorded */
        opvang: boolean | null;
        /** Secondary: school and CLB help find a new school; null: not recorded */
        searchHelp: boolean | null;
        /** The enrolment version (shared with the enrolled-elsewhere edits) */
        version: number;
      };
    };
    put: {
      path: {
        pupilId: string;
        schoolYear: string;
      };
      query: never;
      body: {
        opvang: boolean | null;
        searchHelp: boolean | null;
        version: number;
      };
      response: {
        schoolYear: string;
        level: "kleuter" | "lager" | "secundair";
        excludedOn: string | null;
        /** Primary: opvang offered during the exclusion; null: not recorded */
        opvang: boolean | null;
        /** Secondary: school and CLB help find a new school; null: not recorded */
        searchHelp: boolean | null;
        /** The enrolment version (shared with the enrolled-elsewhere edits) */
        version: number;
      };
    };
  };
  "/api/clbs/{clbId}/inbox": {
    get: {
      path: {
        clbId: string;
      };
      query: {
        limit?: number;
        offset?: number;
        status?: "received" | "in-progress" | "closed";
        schoolId?: number;
        receivedFrom?: string;
      };
      body: never;
      response: {
        items: {
          id: number;
          /** signal: CLB signal (5 B half-days); referral: referral for a CLB trajectory; transfer: a file sent by the previous school’s CLB (follow-up required) */
          kind: "signal" | "referral" | "transfer";
          clb: {
            id: number;
            name: string;
          };
          school: {
            id: number;
            name: string;
          };
          pupil: {
            id: number;
            externalId: string;
            name: string;
            className: string | null;
          };
          /** Civil date YYYY-MM-DD */
          receivedOn: string;
          /** What the school had already done when it sent it */
          schoolActions: string;
          /** Grounds of a referral (seed 003:266-282) */
          grounds: string[];
          /** A transfer case: GET /api/file-transfers/{transferId} */
          transferId: number | null;
          status: "received" | "in-progress" | "closed";
          /** Plan van aanpak */
          plan: string | null;
          outcome: string | null;
          outcomeNote: string | null;
          closedOn: string | null;
          version: number;
          updatedAt: string;
        }[];
        total: number;
        limit: number;
        offset: number;
      };
    };
  };
  "/api/clb-cases/{caseId}/status": {
    post: {
      path: {
        caseId: string;
      };
      query: never;
      body: {
        to: "in-progress" | "closed";
        version: number;
        plan?: string;
        outcome?: string;
        outcomeNote?: string;
      };
      response: {
        id: number;
        /** signal: CLB signal (5 B half-days); referral: referral for a CLB trajectory; transfer: a file sent by the previous school’s CLB (follow-up required) */
        kind: "signal" | "referral" | "transfer";
        clb: {
          id: number;
          name: string;
        };
        school: {
          id: number;
          name: string;
        };
        pupil: {
          id: number;
          externalId: string;
          name: string;
          className: string | null;
        };
        /** Civil date YYYY-MM-DD */
        receivedOn: string;
        /** What the school had already done when it sent it */
        schoolActions: string;
        /** Grounds of a referral (seed 003:266-282) */
        grounds: string[];
        /** A transfer case: GET /api/file-transfers/{transferId} */
        transferId: number | null;
        status: "received" | "in-progress" | "closed";
        /** Plan van aanpak */
        plan: string | null;
        outcome: string | null;
        outcomeNote: string | null;
        closedOn: string | null;
        version: number;
        updatedAt: string;
      };
    };
  };
  "/api/pupils/{pupilId}/clb-cases": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: {
        items: {
          id: number;
          /** signal: CLB signal (5 B half-days); referral: referral for a CLB trajectory; transfer: a file sent by the previous school’s CLB (follow-up required) */
          kind: "signal" | "referral" | "transfer";
          clb: {
            id: number;
            name: string;
          };
          school: {
            id: number;
            name: string;
          };
          pupil: {
            id: number;
            externalId: string;
            name: string;
            className: string | null;
          };
          /** Civil date YYYY-MM-DD */
          receivedOn: string;
          /** What the school had already done when it sent it */
          schoolActions: string;
          /** Grounds of a referral (seed 003:266-282) */
          grounds: string[];
          /** A transfer case: GET /api/file-transfers/{transferId} */
          transferId: number | null;
          status: "received" | "in-progress" | "closed";
          /** Plan van aanpak */
          plan: string | null;
          outcome: string | null;
          outcomeNote: string | null;
          closedOn: string | null;
          version: number;
          updatedAt: string;
        }[];
        /** The CLB closed the latest CLB signal and new B half-days followed: signal again */
        resignal: {
          id: string;
          title: {
            nl: string;
            en: string;
          };
          action: {
            nl: string;
            en: string;
          };
          source: string;
          /** Civil date YYYY-MM-DD */
          closedOn: string;
          newBHalfDays: {
            /** Civil date YYYY-MM-DD */
            date: string;
            half: string;
          }[];
        } | null;
      };
    };
  };
  "/api/pupils/{pupilId}/certificates": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: {
        certificates: {
          /** Civil date YYYY-MM-DD */
          from: string;
          /** 'PM': starts in the afternoon */
          fromHalf: ("AM" | "PM") | null;
          /** Civil date YYYY-MM-DD */
          to: string;
          /** 'AM': ends after the morning */
          toHalf: ("AM" | "PM") | null;
          issuerKind: "arts" | "specialist" | "psychiater" | "tandarts" | "orthodontist" | "ziekenhuis" | "labo";
          /** Civil date YYYY-MM-DD */
          receivedOn: string;
          /** Only "according to the patient": the school may refuse it */
          dixit: boolean;
          doubt: boolean;
          doubtReason: string | null;
          id: number;
          pupilId: number;
          schoolId: number;
          /** The school told the CLB about its doubt */
          clbToldOn: string | null;
          consentOn: string | null;
          doctorContactedOn: string | null;
          outcome: ("geldig" | "niet-geldig" | "onduidelijk") | null;
          outcomeOn: string | null;
          /** The CLB doctor’s note: only for readers of clb-arts (or by consent) */
          doctorNote: string | null;
          version: number;
        }[];
        mayWrite: boolean;
        mayAdvise: boolean;
      };
    };
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        /** Civil date YYYY-MM-DD */
        from: string;
        /** 'PM': starts in the afternoon */
        fromHalf: ("AM" | "PM") | null;
        /** Civil date YYYY-MM-DD */
        to: string;
        /** 'AM': ends after the morning */
        toHalf: ("AM" | "PM") | null;
        issuerKind: "arts" | "specialist" | "psychiater" | "tandarts" | "orthodontist" | "ziekenhuis" | "labo";
        /** Civil date YYYY-MM-DD */
        receivedOn: string;
        /** Only "according to the patient": the school may refuse it */
        dixit: boolean;
        doubt: boolean;
        doubtReason: string | null;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/certificates/{certificateId}": {
    put: {
      path: {
        certificateId: string;
      };
      query: never;
      body: {
        /** Civil date YYYY-MM-DD */
        from: string;
        /** 'PM': starts in the afternoon */
        fromHalf: ("AM" | "PM") | null;
        /** Civil date YYYY-MM-DD */
        to: string;
        /** 'AM': ends after the morning */
        toHalf: ("AM" | "PM") | null;
        issuerKind: "arts" | "specialist" | "psychiater" | "tandarts" | "orthodontist" | "ziekenhuis" | "labo";
        /** Civil date YYYY-MM-DD */
        receivedOn: string;
        /** Only "according to the patient": the school may refuse it */
        dixit: boolean;
        doubt: boolean;
        doubtReason: string | null;
        version: number;
      };
      response: void;
    };
  };
  "/api/certificates/{certificateId}/clb-told": {
    post: {
      path: {
        certificateId: string;
      };
      query: never;
      body: {
        /** Civil date YYYY-MM-DD */
        on: string;
        version: number;
      };
      response: void;
    };
  };
  "/api/certificates/{certificateId}/advice": {
    put: {
      path: {
        certificateId: string;
      };
      query: never;
      body: {
        version: number;
        consentOn: string | null;
        doctorContactedOn: string | null;
        outcome: ("geldig" | "niet-geldig" | "onduidelijk") | null;
        outcomeOn: string | null;
        note: string | null;
      };
      response: void;
    };
  };
  "/api/schools/{schoolId}/exam-periods": {
    get: {
      path: {
        schoolId: string;
      };
      query: never;
      body: never;
      response: {
        id: number;
        /** Civil date YYYY-MM-DD */
        from: string;
        /** Civil date YYYY-MM-DD */
        to: string;
        label: string;
      }[];
    };
    post: {
      path: {
        schoolId: string;
      };
      query: never;
      body: {
        /** Civil date YYYY-MM-DD */
        from: string;
        /** Civil date YYYY-MM-DD */
        to: string;
        label: string;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/pupils/{pupilId}/sick-pupil": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: {
        stays: {
          setting: "ziekenhuis" | "type-5" | "k-dienst";
          settingName: string;
          /** Civil date YYYY-MM-DD */
          from: string;
          /** The discharge date; null while the stay lasts */
          to: string | null;
          contactPlan: string;
          /** The next contact becomes a reminder */
          contactEveryDays: number;
          /** Who tells the school the discharge date */
          dischargeInformant: string;
          /** The home school’s support: textbooks, programme */
          homeSupport: string | null;
          id: number;
          pupilId: number;
          contactAgreementId: number | null;
          /** The hospital-return checklist recorded since the stay began */
          returnChecklistOn: string | null;
          version: number;
        }[];
        provisions: {
          kind: "toah" | "sio-bednet" | "school-en-ziek-zijn";
          conditionsCheckedOn: string | null;
          requestSentOn: string | null;
          answer: ("toegekend" | "geweigerd") | null;
          answerOn: string | null;
          startOn: string | null;
          endOn: string | null;
          hoursPerWeek: number | null;
          id: number;
          version: number;
        }[];
        information: {
          parentsInformedOn: string | null;
          informedHow: string | null;
          chronic: boolean;
          distanceKm: number | null;
          specialEducation: boolean;
          version: number;
        } | null;
        entitlement: {
          toah: {
            entitled: boolean;
            from: string | null;
            basis: ("long" | "chronic" | "weeks" | "half-days") | null;
            chronicBlocks: number;
            withinDistance: boolean | null;
            distanceLimitKm: number;
          };
          sio: {
            entitled: boolean;
            from: string | null;
            basis: ("long" | "chronic" | "weeks" | "half-days") | null;
          };
          longestIllnessDays: number;
          illnessHalfDays: number;
        };
        mayWrite: boolean;
      };
    };
  };
  "/api/pupils/{pupilId}/stays": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        setting: "ziekenhuis" | "type-5" | "k-dienst";
        settingName: string;
        /** Civil date YYYY-MM-DD */
        from: string;
        /** The discharge date; null while the stay lasts */
        to: string | null;
        contactPlan: string;
        /** The next contact becomes a reminder */
        contactEveryDays: number;
        /** Who tells the school the discharge date */
        dischargeInformant: string;
        /** The home school’s support: textbooks, programme */
        homeSupport: string | null;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/stays/{stayId}/discharge": {
    put: {
      path: {
        stayId: string;
      };
      query: never;
      body: {
        /** Civil date YYYY-MM-DD */
        to: string;
        version: number;
      };
      response: void;
    };
  };
  "/api/pupils/{pupilId}/provisions": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        kind: "toah" | "sio-bednet" | "school-en-ziek-zijn";
        conditionsCheckedOn: string | null;
        requestSentOn: string | null;
        answer: ("toegekend" | "geweigerd") | null;
        answerOn: string | null;
        startOn: string | null;
        endOn: string | null;
        hoursPerWeek: number | null;
      };
      response: {
        id: number;
      };
    };
  };
  "/api/provisions/{provisionId}": {
    put: {
      path: {
        provisionId: string;
      };
      query: never;
      body: {
        kind: "toah" | "sio-bednet" | "school-en-ziek-zijn";
        conditionsCheckedOn: string | null;
        requestSentOn: string | null;
        answer: ("toegekend" | "geweigerd") | null;
        answerOn: string | null;
        startOn: string | null;
        endOn: string | null;
        hoursPerWeek: number | null;
        version: number;
      };
      response: void;
    };
  };
  "/api/pupils/{pupilId}/sick-pupil/information": {
    put: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        parentsInformedOn: string | null;
        informedHow: string | null;
        chronic: boolean;
        distanceKm: number | null;
        specialEducation: boolean;
        /** 0: nothing recorded yet */
        version: number;
      };
      response: void;
    };
  };
  "/api/pupils/{pupilId}/file/workflows/restart-decision": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        taxatie: {
          [key: string]: string;
        };
        decision: "let-go" | "prepare" | "care-first" | "gradual-return";
        otherwiseBecause?: string;
        relapse?: {
          on: string;
          what: string;
          evaluation: string;
        };
        term?: string;
        reviewOn?: string;
        occurredOn?: string;
        who?: string;
        confidentiality?: "school" | "school+clb" | "clb" | "clb-arts";
      };
      response: unknown;
    };
  };
  "/api/pupils/{pupilId}/file-transfer": {
    get: {
      path: {
        pupilId: string;
      };
      query: never;
      body: never;
      response: {
        categories: {
          id: "verslag" | "guidance" | "clb-medical" | "disciplinary";
          rule: "mandatory" | "unless-refused" | "never";
          readers: "clb" | "clb-arts";
          nl: string;
          en: string;
          source: string;
        }[];
        decider: {
          now: "parents" | "pupil";
          adultAge: number;
          source: string;
        };
        /** Newest first; the first is in force */
        decisions: {
          id: number;
          /** parents, or the pupil of age (18) */
          decidedBy: "parents" | "pupil";
          /** When the parents (or the adult pupil) were informed of the transfer */
          informedOn: string;
          /** Civil date YYYY-MM-DD */
          decidedOn: string;
          /** Refused categories; empty: no objection */
          refused: ("verslag" | "guidance" | "clb-medical" | "disciplinary")[];
          note: string | null;
          recordedBy: string | null;
          recorderRole: string;
          recordedAt: string;
        }[];
        newSchools: {
          /** The pupil row at the new school (same keyed identity) */
          pupilId: number;
          school: {
            id: number;
            name: string;
          };
          /** Civil date YYYY-MM-DD */
          enrolledFrom: string;
          clb: {
            id: number;
            name: string;
          } | null;
        }[];
        choosable: {
          entries: {
            id: number;
            kind: string;
            /** Civil date YYYY-MM-DD */
            occurredOn: string;
            who: string;
            confidentiality: "school" | "school+clb" | "clb" | "clb-arts";
            category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
            rule: "mandatory" | "unless-refused" | "never";
            /** Under the decision in force (none: as if nothing was refused) */
            goesAlong: boolean;
            reason: string | null;
          }[];
          documents: {
            id: number;
            title: string;
            /** Civil date YYYY-MM-DD */
            uploadedOn: string;
            confidentiality: "school" | "school+clb" | "clb" | "clb-arts";
            category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
            rule: "mandatory" | "unless-refused" | "never";
            /** Under the decision in force (none: as if nothing was refused) */
            goesAlong: boolean;
            reason: string | null;
          }[];
        };
        sent: {
          id: number;
          from: {
            clb: {
              id: number;
              name: string;
            };
            school: {
              id: number;
              name: string;
            };
          };
          to: {
            clb: {
              id: number;
              name: string;
            };
            school: {
              id: number;
              name: string;
            };
            pupil: {
              id: number;
              name: string;
            };
          };
          /** Civil date YYYY-MM-DD */
          sentOn: string;
          sentAt: string;
          sentBy: string | null;
          senderRole: string;
          /** The receiving CLB’s inbox case */
          caseId: number | null;
          /** Items in the snapshot per category (all readers) */
          counts: {
            category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
            count: number;
          }[];
          /** Chosen but not sent: refused or never transferable (counted, never copied) */
          leftOut: {
            category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
            reason: string;
            count: number;
          }[];
        }[];
        received: {
          id: number;
          from: {
            clb: {
              id: number;
              name: string;
            };
            school: {
              id: number;
              name: string;
            };
          };
          to: {
            clb: {
              id: number;
              name: string;
            };
            school: {
              id: number;
              name: string;
            };
            pupil: {
              id: number;
              name: string;
            };
          };
          /** Civil date YYYY-MM-DD */
          sentOn: string;
          sentAt: string;
          sentBy: string | null;
          senderRole: string;
          /** The receiving CLB’s inbox case */
          caseId: number | null;
          /** Items in the snapshot per category (all readers) */
          counts: {
            category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
            count: number;
          }[];
          /** Chosen but not sent: refused or never transferable (counted, never copied) */
          leftOut: {
            category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
            reason: string;
            count: number;
          }[];
        }[];
      };
    };
  };
  "/api/pupils/{pupilId}/file-transfer/decisions": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        decidedBy: "parents" | "pupil";
        /** Civil date YYYY-MM-DD */
        informedOn: string;
        /** Civil date YYYY-MM-DD */
        decidedOn: string;
        refused: string[];
        note?: string | null;
        /** The decision in force the recorder saw (null: none); 409 if stale */
        replaces: number | null;
      };
      response: {
        id: number;
        /** parents, or the pupil of age (18) */
        decidedBy: "parents" | "pupil";
        /** When the parents (or the adult pupil) were informed of the transfer */
        informedOn: string;
        /** Civil date YYYY-MM-DD */
        decidedOn: string;
        /** Refused categories; empty: no objection */
        refused: ("verslag" | "guidance" | "clb-medical" | "disciplinary")[];
        note: string | null;
        recordedBy: string | null;
        recorderRole: string;
        recordedAt: string;
      };
    };
  };
  "/api/pupils/{pupilId}/file-transfer/transfers": {
    post: {
      path: {
        pupilId: string;
      };
      query: never;
      body: {
        toPupilId: number;
        /** The decision in force the sender saw; 409 if another was recorded since */
        decisionId: number;
        entryIds: number[];
        documents: {
          id: number;
          mark?: ("verslag" | "disciplinary") | null;
        }[];
        handoverNote?: string | null;
      };
      response: {
        id: number;
        from: {
          clb: {
            id: number;
            name: string;
          };
          school: {
            id: number;
            name: string;
          };
        };
        to: {
          clb: {
            id: number;
            name: string;
          };
          school: {
            id: number;
            name: string;
          };
          pupil: {
            id: number;
            name: string;
          };
        };
        /** Civil date YYYY-MM-DD */
        sentOn: string;
        sentAt: string;
        sentBy: string | null;
        senderRole: string;
        /** The receiving CLB’s inbox case */
        caseId: number | null;
        /** Items in the snapshot per category (all readers) */
        counts: {
          category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
          count: number;
        }[];
        /** Chosen but not sent: refused or never transferable (counted, never copied) */
        leftOut: {
          category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
          reason: string;
          count: number;
        }[];
      };
    };
  };
  "/api/file-transfers/{transferId}": {
    get: {
      path: {
        transferId: string;
      };
      query: never;
      body: never;
      response: {
        id: number;
        from: {
          clb: {
            id: number;
            name: string;
          };
          school: {
            id: number;
            name: string;
          };
        };
        to: {
          clb: {
            id: number;
            name: string;
          };
          school: {
            id: number;
            name: string;
          };
          pupil: {
            id: number;
            name: string;
          };
        };
        /** Civil date YYYY-MM-DD */
        sentOn: string;
        sentAt: string;
        sentBy: string | null;
        senderRole: string;
        /** The receiving CLB’s inbox case */
        caseId: number | null;
        /** Items in the snapshot per category (all readers) */
        counts: {
          category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
          count: number;
        }[];
        /** Chosen but not sent: refused or never transferable (counted, never copied) */
        leftOut: {
          category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
          reason: string;
          count: number;
        }[];
        handoverNote: string | null;
        decision: {
          id: number;
          /** parents, or the pupil of age (18) */
          decidedBy: "parents" | "pupil";
          /** When the parents (or the adult pupil) were informed of the transfer */
          informedOn: string;
          /** Civil date YYYY-MM-DD */
          decidedOn: string;
          /** Refused categories; empty: no objection */
          refused: ("verslag" | "guidance" | "clb-medical" | "disciplinary")[];
          note: string | null;
          recordedBy: string | null;
          recorderRole: string;
          recordedAt: string;
        } | null;
        items: {
          id: number;
          category: "verslag" | "guidance" | "clb-medical" | "disciplinary";
          readers: "clb" | "clb-arts";
          source: "entry" | "document";
          sourceConfidentiality: string;
          /** Civil date YYYY-MM-DD */
          occurredOn: string;
          kind: string | null;
          who: string | null;
          what: string | null;
          effect: string | null;
          title: string | null;
          fileName: string | null;
          mediaType: string | null;
          sizeBytes: number | null;
          sha256: string | null;
          authorRole: string | null;
        }[];
        /** Items of the CLB doctor this reader does not see */
        hiddenItems: number;
      };
    };
  };
  "/api/file-transfers/{transferId}/items/{itemId}/content": {
    get: {
      path: {
        transferId: string;
        itemId: string;
      };
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/clbs/{clbId}/file-transfers/pending": {
    get: {
      path: {
        clbId: string;
      };
      query: never;
      body: never;
      response: {
        items: {
          pupil: {
            id: number;
            name: string;
            externalId: string;
          };
          school: {
            id: number;
            name: string;
          };
          newSchool: {
            name: string;
            /** Civil date YYYY-MM-DD */
            enrolledFrom: string;
          };
        }[];
      };
    };
  };
  "/api/monitor/lops/{lopId}/report": {
    get: {
      path: {
        lopId: string;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: {
        format: "aanwezig-region-report/1";
        scope: {
          kind: "region" | "clb" | "all" | "lop";
          id: number | null;
          name: string;
          schoolCount: number;
          /** A LOP's level (scope kind lop only) */
          level?: "basis" | "secundair";
        };
        /** Civil date YYYY-MM-DD */
        asOf: string;
        schoolYear: string;
        refreshedAt: (string | string) | null;
        minShownCount: number;
        sections: {
          id: string;
          title: {
            nl: string;
            en: string;
          };
          definition: {
            nl: string;
            en: string;
          };
          source: string;
          figures: {
            id: string;
            label: {
              nl: string;
              en: string;
            };
            unit: "pupils" | "schools" | "share" | "days" | "half-days";
            /** null: suppressed (see suppressed) or not defined */
            value: number | null;
            suppressed: boolean;
          }[];
        }[];
      };
    };
  };
  "/api/monitor/lops/{lopId}/report.csv": {
    get: {
      path: {
        lopId: string;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/monitor/lops/{lopId}/report.pdf": {
    get: {
      path: {
        lopId: string;
      };
      query: {
        asOf?: string;
      };
      body: never;
      response: unknown;
    };
  };
  "/api/openapi.json": {
    get: {
      path: never;
      query: never;
      body: never;
      response: unknown;
    };
  };
  "/api/docs": {
    get: {
      path: never;
      query: never;
      body: never;
      response: unknown;
    };
  };
}

export interface components {
  
}

export type ApiPath = keyof paths;
type Operations<P extends ApiPath> = paths[P];
/** The JSON answer of an operation: `ApiResponse<'/api/schools', 'get'>`. */
export type ApiResponse<P extends ApiPath, M extends keyof Operations<P>> = Operations<P>[M] extends {
  response: infer R;
}
  ? R
  : never;
/** The JSON body of an operation. */
export type ApiBody<P extends ApiPath, M extends keyof Operations<P>> = Operations<P>[M] extends { body: infer B }
  ? B
  : never;
/** The query parameters of an operation. */
export type ApiQuery<P extends ApiPath, M extends keyof Operations<P>> = Operations<P>[M] extends { query: infer Q }
  ? Q
  : never;
