export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12"
  }
  media_references: {
    Tables: {
      audit_log: {
        Row: {
          actor: string | null
          actor_role: string | null
          at: string
          id: number
          new_row: Json | null
          old_row: Json | null
          operation: string
          row_id: string | null
          table_name: string
        }
        Insert: {
          actor?: string | null
          actor_role?: string | null
          at?: string
          id?: never
          new_row?: Json | null
          old_row?: Json | null
          operation: string
          row_id?: string | null
          table_name: string
        }
        Update: {
          actor?: string | null
          actor_role?: string | null
          at?: string
          id?: never
          new_row?: Json | null
          old_row?: Json | null
          operation?: string
          row_id?: string | null
          table_name?: string
        }
        Relationships: []
      }
      embedding_models: {
        Row: {
          created_at: string
          description: string | null
          dimensions: number
          is_default: boolean
          model_version: string
        }
        Insert: {
          created_at?: string
          description?: string | null
          dimensions: number
          is_default?: boolean
          model_version: string
        }
        Update: {
          created_at?: string
          description?: string | null
          dimensions?: number
          is_default?: boolean
          model_version?: string
        }
        Relationships: []
      }
      image_embeddings: {
        Row: {
          created_at: string
          embedding: string
          id: string
          model_version: string
          reference_image_id: string
        }
        Insert: {
          created_at?: string
          embedding: string
          id?: string
          model_version: string
          reference_image_id: string
        }
        Update: {
          created_at?: string
          embedding?: string
          id?: string
          model_version?: string
          reference_image_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "image_embeddings_model_version_fkey"
            columns: ["model_version"]
            referencedRelation: "embedding_models"
            referencedColumns: ["model_version"]
          },
          {
            foreignKeyName: "image_embeddings_reference_image_id_fkey"
            columns: ["reference_image_id"]
            referencedRelation: "reference_images"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "image_embeddings_reference_image_id_fkey"
            columns: ["reference_image_id"]
            referencedRelation: "reference_images_with_shot"
            referencedColumns: ["id"]
          },
        ]
      }
      reference_changes: {
        Row: {
          change_xid: unknown
          changed_at: string
          reference_id: string
        }
        Insert: {
          change_xid?: unknown
          changed_at?: string
          reference_id: string
        }
        Update: {
          change_xid?: unknown
          changed_at?: string
          reference_id?: string
        }
        Relationships: []
      }
      reference_images: {
        Row: {
          corrected_at: string
          corrected_metadata: NonNullable<Json>
          created_at: string
          created_by: string | null
          file_path: string
          id: string
          original_catalog: Json | null
          review_status: string
          thumbnail_url: string | null
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          corrected_at?: string
          corrected_metadata: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          file_path: string
          id?: string
          original_catalog?: Json | null
          review_status?: string
          thumbnail_url?: string | null
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          corrected_at?: string
          corrected_metadata?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          file_path?: string
          id?: string
          original_catalog?: Json | null
          review_status?: string
          thumbnail_url?: string | null
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: []
      }
      shot_references: {
        Row: {
          created_at: string
          created_by: string | null
          reference_image_id: string
          shot_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          reference_image_id: string
          shot_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          reference_image_id?: string
          shot_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "shot_references_reference_image_id_fkey"
            columns: ["reference_image_id"]
            referencedRelation: "reference_images"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shot_references_reference_image_id_fkey"
            columns: ["reference_image_id"]
            referencedRelation: "reference_images_with_shot"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      reference_images_with_shot: {
        Row: {
          corrected_at: string | null
          corrected_metadata: Json | null
          created_at: string | null
          file_path: string | null
          id: string | null
          movement_type: string | null
          original_catalog: Json | null
          review_status: string | null
          shot_action: string | null
          shot_id: string | null
          shot_number: number | null
          shot_status: string | null
          shot_subject: string | null
          shot_type: string | null
          shot_variant: string | null
          thumbnail_url: string | null
          updated_at: string | null
        }
        Relationships: []
      }
    }
    Functions: {
      linked_shot_fields: {
        Args: Record<PropertyKey, never>
        Returns: {
          action: string
          movement_type: string
          shot_id: string
          shot_number: number
          shot_status: string
          shot_type: string
          subject: string
          variant: string
        }[]
      }
      list_shots: {
        Args: { max_rows?: number; search?: string }
        Returns: {
          action: string
          id: string
          location_start_point: string
          movement_type: string
          reference_count: number
          scene_id: string
          shot_number: number
          shot_status: string
          shot_type: string
          subject: string
          variant: string
        }[]
      }
      mark_references_pending: {
        Args: { reference_ids: string[] }
        Returns: {
          id: string
        }[]
      }
      match_references: {
        Args: {
          filter_shot_status?: string
          filter_shot_type?: string
          match_count?: number
          model_version?: string
          query_embedding: string
        }
        Returns: {
          corrected_at: string
          corrected_by_you: boolean
          corrected_metadata: Json
          file_path: string
          movement_type: string
          reference_id: string
          shot_action: string
          shot_id: string
          shot_number: number
          shot_status: string
          shot_subject: string
          shot_type: string
          similarity: number
        }[]
      }
      reference_change_cursor: {
        Args: Record<PropertyKey, never>
        Returns: string
      }
      reference_changes_since: {
        Args: {
          after_reference?: string
          max_rows?: number
          model_version: string
          since_cursor?: string
          until_cursor: string
        }
        Returns: {
          corrected_metadata: Json
          embedding_base64: string
          file_path: string
          present: boolean
          reference_id: string
          shot_id: string
          thumbnail_url: string
        }[]
      }
      save_reference: {
        Args: {
          corrected_metadata: Json
          embedding: string
          file_path: string
          model_version?: string
          original_catalog?: Json
          reference_id: string
          shot_id?: string
          thumbnail_url?: string
        }
        Returns: Json
      }
      shot_reference_count: { Args: { p_shot_id: string }; Returns: number }
      undo_reference_update: { Args: { audit_id: number }; Returns: Json }
      update_older_references: {
        Args: { correction_id: string; dry_run?: boolean; fields: string[] }
        Returns: {
          audit_id: number
          before: Json
          changed_fields: string[]
          file_path: string
          reference_id: string
        }[]
      }
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
  public: {
    Tables: {
      shots: {
        Row: {
          action: string | null
          created_at: string
          id: string
          location_other: string | null
          location_start_point: string | null
          movement_type: string | null
          owner_user_id: string | null
          scene_id: string | null
          shot_number: number | null
          shot_status: string
          shot_type: string | null
          subject: string | null
          subject_other: string | null
          updated_at: string
          variant: string | null
        }
        Insert: {
          action?: string | null
          created_at?: string
          id?: string
          location_other?: string | null
          location_start_point?: string | null
          movement_type?: string | null
          owner_user_id?: string | null
          scene_id?: string | null
          shot_number?: number | null
          shot_status?: string
          shot_type?: string | null
          subject?: string | null
          subject_other?: string | null
          updated_at?: string
          variant?: string | null
        }
        Update: {
          action?: string | null
          created_at?: string
          id?: string
          location_other?: string | null
          location_start_point?: string | null
          movement_type?: string | null
          owner_user_id?: string | null
          scene_id?: string | null
          shot_number?: number | null
          shot_status?: string
          shot_type?: string | null
          subject?: string | null
          subject_other?: string | null
          updated_at?: string
          variant?: string | null
        }
        Relationships: []
      }
      user_profiles: {
        Row: {
          created_at: string
          display_name: string | null
          id: string
          role: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          display_name?: string | null
          id: string
          role?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          display_name?: string | null
          id?: string
          role?: string
          updated_at?: string
        }
        Relationships: []
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      [_ in never]: never
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  media_references: {
    Enums: {},
  },
  public: {
    Enums: {},
  },
} as const
